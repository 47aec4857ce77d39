import { defineEntity, type InferEntity, p } from '@mikro-orm/core';

/** Database mirror of the body region catalog (body-region-catalog.ts is the source). */
export const BodyRegion = defineEntity({
  name: 'BodyRegion',
  properties: {
    code: p.string().length(40).primary(),
    name: p.string().length(120),
    lateral: p.boolean(),
  },
});
export type BodyRegion = InferEntity<typeof BodyRegion>;
