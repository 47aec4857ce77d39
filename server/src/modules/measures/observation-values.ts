/** When in the course of care a value was taken. */
export const observationContexts = ['PRE_SESSION', 'POST_SESSION', 'BETWEEN_SESSIONS'] as const;
export type ObservationContext = (typeof observationContexts)[number];
