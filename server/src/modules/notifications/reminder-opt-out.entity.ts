import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { baseProperties } from '../../db/base-properties.js';
import { Client } from '../clients/client.entity.js';
import { Clinic } from '../clinics/clinic.entity.js';

/**
 * A client's choice about reminder emails: one row per client once they have chosen. `optedOutAt` holds the
 * date of the opt-out in force (null after opting back in); every change is also in the audit trail.
 */
export const ReminderOptOut = defineEntity({
  name: 'ReminderOptOut',
  properties: {
    ...baseProperties,
    clinic: () => p.manyToOne(Clinic).ref(),
    client: () => p.oneToOne(Client).ref().owner().unique(),
    optedOutAt: p.datetime().nullable(),
  },
});
export type ReminderOptOut = InferEntity<typeof ReminderOptOut>;
