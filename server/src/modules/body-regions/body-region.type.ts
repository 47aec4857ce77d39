import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { enumOf } from '../../common/enum-of.js';
import type { BodyRegionDefinition } from './body-region-catalog.js';
import { SIDES } from './body-region-catalog.js';

export const SideEnum = enumOf(SIDES);
registerEnumType(SideEnum, {
  name: 'Side',
  description: 'Left or right side of the body.',
});

@ObjectType('BodyRegion', {
  description: 'A pain-location region of the body map.',
})
export class BodyRegionNode {
  @Field(() => String, { description: 'Stable code, e.g. NECK or SHOULDER.' })
  code!: string;

  @Field(() => String, { description: 'Name for display.' })
  name!: string;

  @Field(() => Boolean, {
    description: 'The region exists on both sides, so a value about it names a side.',
  })
  lateral!: boolean;

  static from(region: BodyRegionDefinition): BodyRegionNode {
    return Object.assign(new BodyRegionNode(), {
      code: region.code,
      name: region.name,
      lateral: region.lateral,
    });
  }
}
