import type { Role } from '../../graphql/generated/graphql';

export const roleWords: Record<Role, string> = {
  ADMIN: 'Clinic admin',
  THERAPIST: 'Therapist',
  CLIENT: 'Client',
  RESEARCHER: 'Researcher',
};

/** What an audited operation did, in words; anything not listed shows its name. */
export const operationWords: Record<string, string> = {
  'Query.client': 'Opened a client’s record',
  'Query.clients': 'Listed clients',
  'Query.series': 'Opened a treatment series',
  'Query.caseload': 'Viewed the caseload',
  'Query.accounts': 'Listed accounts',
  'Query.viewer': 'Opened their own record',
  'Query.myRecordAccess': 'Viewed who has seen their record',
  'Query.pendingInvites': 'Listed invites',
  'Query.auditTrail': 'Viewed the audit trail',
  'Mutation.recordSession': 'Recorded a visit',
  'Mutation.recordObservation': 'Recorded a value',
  'Mutation.submitQuestionnaireResponse': 'Entered a questionnaire',
  'Mutation.createClient': 'Added a client',
  'Mutation.updateClient': 'Changed a client’s details',
  'Mutation.recordIntake': 'Recorded an intake',
  'Mutation.inviteClient': 'Invited a client',
  'Mutation.inviteTherapist': 'Invited a therapist',
  'Mutation.disableAccount': 'Disabled an account',
  'Mutation.enableAccount': 'Enabled an account',
  'Mutation.revokeAccountApiToken': 'Revoked someone’s API token',
  'Mutation.updateClinicSettings': 'Changed the clinic settings',
  'Mutation.setResearchParticipation': 'Changed research participation',
  'Export.auditCsv': 'Downloaded the audit trail',
  'Export.fhir': 'Downloaded a FHIR record',
};
