import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { baseProperties } from '../../db/base-properties.js';
import { BodyRegion } from '../body-regions/body-region.entity.js';
import { Clinic } from '../clinics/clinic.entity.js';
import { TreatmentSession } from './treatment-session.entity.js';

export const treatedSides = ['LEFT', 'RIGHT', 'BOTH'] as const;
export type TreatedSide = (typeof treatedSides)[number];

/** A body region worked on in a session; a row (not an array) so dose per region is a plain SQL sum. */
export const TreatedRegion = defineEntity({
  name: 'TreatedRegion',
  properties: {
    ...baseProperties,
    clinic: () => p.manyToOne(Clinic).ref(),
    session: () => p.manyToOne(TreatmentSession).ref().index(),
    region: () => p.manyToOne(BodyRegion).ref(),
    /** LEFT, RIGHT or BOTH for a lateral region; null for a midline one. */
    side: p.enum(treatedSides).nullable(),
    /** Minutes spent on this region, when the therapist records it. */
    minutes: p.smallint().nullable(),
  },
});
export type TreatedRegion = InferEntity<typeof TreatedRegion>;
