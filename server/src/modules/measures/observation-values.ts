/** When in the course of care a value was taken. */
export const observationContexts = ['PRE_SESSION', 'POST_SESSION', 'BETWEEN_SESSIONS'] as const;
export type ObservationContext = (typeof observationContexts)[number];

/** Who entered a value: the therapist in the clinic, or the client in their diary. */
export const recorderRoles = ['THERAPIST', 'CLIENT'] as const;
export type RecorderRole = (typeof recorderRoles)[number];
