import { registerEnumType } from 'type-graphql';
import { enumOf } from './enum-of.js';

/** Who entered a value or answered a questionnaire: the therapist in the clinic, or the client in their diary. */
export const recorderRoles = ['THERAPIST', 'CLIENT'] as const;
export type RecorderRole = (typeof recorderRoles)[number];

export const RecorderRoleEnum = enumOf(recorderRoles);
registerEnumType(RecorderRoleEnum, {
  name: 'RecorderRole',
  description: 'Who entered a value.',
});
