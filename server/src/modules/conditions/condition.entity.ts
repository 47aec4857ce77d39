import { defineEntity, type InferEntity, p } from '@mikro-orm/core';

/** Database mirror of the condition catalog (condition-catalog.ts is the source); lets SQL join and filter. */
export const Condition = defineEntity({
  name: 'Condition',
  properties: {
    code: p.string().length(40).primary(),
    name: p.string().length(120),
    icd10: p.string().length(10),
  },
});
export type Condition = InferEntity<typeof Condition>;
