/** When in the course of care a value was taken. */
export const observationContexts = ['PRE_SESSION', 'POST_SESSION', 'BETWEEN_SESSIONS'] as const;
export type ObservationContext = (typeof observationContexts)[number];

/** The longest note a value can carry: a line or two in a diary, not a clinical note (those belong to a visit). */
export const observationNoteLength = 280;
