import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import { decodeCursor } from '../../common/cursor.js';
import { BadInputError, NotFoundError } from '../../common/errors.js';
import {
  canonicalLanguageTag,
  checkClinicalTime,
  checkEmail,
  checkInteger,
  checkLanguageTag,
  checkLocalDate,
  checkText,
  isUuid,
} from '../../common/validate.js';
import { type ClinicViewer, ownClientOnly, type StaffViewer, type TherapistViewer, visibleTo } from '../../common/viewer.js';
import { findCondition } from '../conditions/condition-catalog.js';
import { Client } from './client.entity.js';
import type { CreateClientInput, PregnancyInput, RecordIntakeInput, ReferralInput, UpdateClientInput } from './client.input.js';
import { Intake } from './intake.entity.js';

export const maxPageSize = 100;
const longText = 4000;

export interface ClientPage {
  clients: Client[];
  hasNextPage: boolean;
  totalCount: number;
}

/** `%` and `_` typed by a person are literal characters, not wildcards. */
export function likePattern(word: string): string {
  return `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Clients of the viewer's clinic, by family then given name, matching every word of `search`. */
export async function listClients(
  em: EntityManager,
  viewer: ClinicViewer,
  args: { search?: string | null; first: number; after?: string | null },
): Promise<ClientPage> {
  checkInteger('first', args.first, 1, maxPageSize);
  checkText('search', args.search, 200);
  const words = (args.search ?? '').trim().split(/\s+/).filter(Boolean);
  const own = ownClientOnly(viewer);
  const where: FilterQuery<Client> = {
    clinic: viewer.clinicId,
    ...(own ? { id: own } : {}),
    $and: words.map((word) => ({
      $or: [
        { givenName: { $ilike: likePattern(word) } },
        { familyName: { $ilike: likePattern(word) } },
        { email: { $ilike: likePattern(word) } },
      ],
    })),
  };
  let page: FilterQuery<Client> = where;
  if (args.after) {
    const [familyName, givenName, id] = decodeCursor('after', args.after, ['text', 'text', 'uuid']) as [string, string, string];
    page = {
      $and: [
        where,
        {
          $or: [
            { familyName: { $gt: familyName } },
            { familyName, givenName: { $gt: givenName } },
            { familyName, givenName, id: { $gt: id } },
          ],
        },
      ],
    };
  }
  const [rows, totalCount] = await Promise.all([
    em.find(Client, page, {
      orderBy: { familyName: 'asc', givenName: 'asc', id: 'asc' },
      limit: args.first + 1,
    }),
    em.count(Client, where),
  ]);
  return {
    clients: rows.slice(0, args.first),
    hasNextPage: rows.length > args.first,
    totalCount,
  };
}

export function clientCursorKey(client: Pick<Client, 'familyName' | 'givenName' | 'id'>): string[] {
  return [client.familyName, client.givenName, client.id];
}

/** A client of the viewer's clinic; another clinic's client answers exactly like a missing one. */
export async function getClient(em: EntityManager, viewer: ClinicViewer, id: string): Promise<Client> {
  const own = ownClientOnly(viewer);
  const visible = isUuid(id) && (own === null || own === id);
  const client = visible ? await em.findOne(Client, { id, clinic: viewer.clinicId }) : null;
  if (!client) throw new NotFoundError('Client', id);
  return client;
}

export async function findClientsByIds(em: EntityManager, viewer: ClinicViewer, ids: readonly string[]): Promise<Client[]> {
  const own = ownClientOnly(viewer);
  return em.find(Client, { id: { $in: own ? ids.filter((id) => id === own) : [...ids] }, clinic: viewer.clinicId });
}

function checkReferral(referral: ReferralInput): void {
  checkText('referral.clinicianName', referral.clinicianName, 200);
  if (referral.source !== 'SELF' && !referral.clinicianName?.trim()) {
    throw new BadInputError('referral.clinicianName', 'required-unless-self', 'is required unless the client referred themself');
  }
  checkText('referral.organisation', referral.organisation, 200);
  checkText('referral.contact', referral.contact, 500);
  checkText('referral.reason', referral.reason, longText);
  if (referral.referredOn) checkLocalDate('referral.referredOn', referral.referredOn);
}

function checkClientFields(input: CreateClientInput | UpdateClientInput, required: boolean): void {
  checkText('givenName', input.givenName, 100, required);
  checkText('familyName', input.familyName, 100, required);
  if (input.dateOfBirth) checkLocalDate('dateOfBirth', input.dateOfBirth);
  checkEmail('email', input.email);
  checkText('phone', input.phone, 40);
  if (input.preferredLanguage) checkLanguageTag('preferredLanguage', input.preferredLanguage);
  if (input.referral) checkReferral(input.referral);
}

/** Blank text is no text. */
const orNull = (text: string | null | undefined) => text?.trim() || null;

/** The referral columns of a client; the input replaces the whole referral. */
function referralColumns(referral: ReferralInput) {
  return {
    referralSource: referral.source,
    referralClinicianName: orNull(referral.clinicianName),
    referralOrganisation: orNull(referral.organisation),
    referralContact: orNull(referral.contact),
    referralReason: orNull(referral.reason),
    referredOn: referral.referredOn ?? null,
  };
}

export async function createClient(em: EntityManager, viewer: StaffViewer, input: CreateClientInput): Promise<Client> {
  checkClientFields(input, true);
  return em.transactional(async (tx) => {
    const client = tx.create(Client, {
      clinic: viewer.clinicId,
      givenName: input.givenName.trim(),
      familyName: input.familyName.trim(),
      dateOfBirth: input.dateOfBirth,
      sex: input.sex,
      email: input.email || null,
      phone: input.phone || null,
      preferredLanguage: input.preferredLanguage ? canonicalLanguageTag(input.preferredLanguage) : null,
      ...(input.referral ? referralColumns(input.referral) : {}),
    });
    await tx.flush();
    return client;
  });
}

export async function updateClient(em: EntityManager, viewer: StaffViewer, id: string, input: UpdateClientInput): Promise<Client> {
  checkClientFields(input, false);
  for (const field of ['givenName', 'familyName'] as const) {
    if (input[field] !== undefined && input[field] !== null) checkText(field, input[field], 100, true);
  }
  return em.transactional(async (tx) => {
    const client = await getClient(tx, viewer, id);
    if (input.givenName) client.givenName = input.givenName.trim();
    if (input.familyName) client.familyName = input.familyName.trim();
    if (input.dateOfBirth) client.dateOfBirth = input.dateOfBirth;
    if (input.sex) client.sex = input.sex;
    if (input.email !== undefined && input.email !== null) client.email = input.email || null;
    if (input.phone !== undefined && input.phone !== null) client.phone = input.phone || null;
    if (input.preferredLanguage !== undefined && input.preferredLanguage !== null) {
      client.preferredLanguage = input.preferredLanguage ? canonicalLanguageTag(input.preferredLanguage) : null;
    }
    if (input.referral) tx.assign(client, referralColumns(input.referral));
    await tx.flush();
    return client;
  });
}

const listItemText = 200;

export async function recordIntake(
  em: EntityManager,
  viewer: TherapistViewer,
  clientId: string,
  input: RecordIntakeInput,
): Promise<Intake> {
  checkClinicalTime('takenAt', input.takenAt);
  checkText('chiefComplaints', input.chiefComplaints, longText, true);
  for (const field of ['currentConditions', 'pastConditions', 'medications', 'goals'] as const) {
    checkText(field, input[field], longText);
  }
  for (const field of ['contraindications', 'redFlags'] as const) {
    const list = input[field] ?? [];
    checkInteger(`${field}.length`, list.length, 0, 50);
    for (const [i, item] of list.entries()) checkText(`${field}[${i}]`, item, listItemText, true);
  }
  const complaints = input.complaints ?? [];
  checkInteger('complaints.length', complaints.length, 0, 20);
  const takenOn = input.takenAt.toISOString().slice(0, 10);
  for (const [i, complaint] of complaints.entries()) {
    checkText(`complaints[${i}].description`, complaint.description, 500, true);
    if (complaint.onsetDate) {
      checkLocalDate(`complaints[${i}].onsetDate`, complaint.onsetDate);
      // Compared with the interview's UTC date: a day of slack either way is harmless for an onset.
      if (complaint.onsetDate > takenOn) {
        throw new BadInputError(`complaints[${i}].onsetDate`, 'after-intake', 'must not be after the interview');
      }
    }
  }
  const conditionCodes = input.conditionCodes ?? [];
  for (const [i, code] of conditionCodes.entries()) {
    if (!findCondition(code)) throw new BadInputError(`conditionCodes[${i}]`, 'unknown-condition', `unknown condition "${code}"`);
  }
  if (new Set(conditionCodes).size !== conditionCodes.length) {
    throw new BadInputError('conditionCodes', 'duplicate', 'lists a condition twice');
  }
  const pregnancy = pregnancyColumns(input.pregnancy ?? null, takenOn);
  return em.transactional(async (tx) => {
    await getClient(tx, viewer, clientId);
    const researchConsent = input.researchConsent ?? false;
    const shareWithReferrer = input.consentToShareWithReferrer ?? false;
    const intake = tx.create(Intake, {
      clinic: viewer.clinicId,
      client: clientId,
      recordedBy: viewer.therapistId,
      takenAt: input.takenAt,
      chiefComplaints: input.chiefComplaints.trim(),
      currentConditions: input.currentConditions ?? null,
      pastConditions: input.pastConditions ?? null,
      medications: input.medications ?? null,
      contraindications: input.contraindications ?? [],
      redFlags: input.redFlags ?? [],
      goals: input.goals ?? null,
      pressurePreference: input.pressurePreference ?? null,
      painTolerance: input.painTolerance ?? null,
      consentToTreatment: input.consentToTreatment,
      consentToTreatmentAt: input.consentToTreatment ? input.takenAt : null,
      researchConsent,
      researchConsentAt: researchConsent ? input.takenAt : null,
      complaints: complaints.map((complaint) => ({
        description: complaint.description.trim(),
        onsetDate: complaint.onsetDate ?? null,
        onset: complaint.onset ?? null,
      })),
      conditionCodes,
      consentToShareWithReferrer: shareWithReferrer,
      // The server's clock, not the interview time: the consent may be given after the interview was entered.
      consentToShareWithReferrerAt: shareWithReferrer ? new Date() : null,
      ...pregnancy,
    });
    await tx.flush();
    return intake;
  });
}

/** Longest pregnancy recorded: 42 completed weeks is post-term (WHO); beyond it the number is a slip. */
const maxGestationWeeks = 42;

/** Validates the pregnancy part of an intake and returns its columns (all null when not pregnant). */
function pregnancyColumns(pregnancy: PregnancyInput | null, takenOn: string) {
  if (!pregnancy) return { gestationWeeks: null, obstetricClearance: null, obstetricClearanceOn: null, obstetricClearanceBy: null };
  checkInteger('pregnancy.gestationWeeks', pregnancy.gestationWeeks, 1, maxGestationWeeks);
  checkText('pregnancy.clearedBy', pregnancy.clearedBy, listItemText, pregnancy.obstetricClearance);
  if (pregnancy.obstetricClearance) {
    if (!pregnancy.clearedOn) throw new BadInputError('pregnancy.clearedOn', 'required', 'is required when clearance was given');
    checkLocalDate('pregnancy.clearedOn', pregnancy.clearedOn);
    // Same day of slack as complaint onsets: compared with the interview's UTC date.
    if (pregnancy.clearedOn > takenOn) throw new BadInputError('pregnancy.clearedOn', 'after-intake', 'must not be after the interview');
  } else if (pregnancy.clearedOn || pregnancy.clearedBy) {
    const field = pregnancy.clearedOn ? 'pregnancy.clearedOn' : 'pregnancy.clearedBy';
    throw new BadInputError(field, 'without-clearance', 'only goes with obstetricClearance true');
  }
  return {
    gestationWeeks: pregnancy.gestationWeeks,
    obstetricClearance: pregnancy.obstetricClearance,
    obstetricClearanceOn: pregnancy.obstetricClearance ? (pregnancy.clearedOn ?? null) : null,
    obstetricClearanceBy: pregnancy.obstetricClearance ? (pregnancy.clearedBy?.trim() ?? null) : null,
  };
}

export async function getIntake(em: EntityManager, viewer: ClinicViewer, id: string): Promise<Intake> {
  const intake = isUuid(id) ? await em.findOne(Intake, { id, ...visibleTo(viewer) }) : null;
  if (!intake) throw new NotFoundError('Intake', id);
  return intake;
}

/** The most recent intake of each client (one query for any number of clients). */
export async function findLatestIntakes(em: EntityManager, viewer: ClinicViewer, clientIds: readonly string[]): Promise<Intake[]> {
  const rows = await em.execute<{ id: string }[]>(
    `select distinct on (client_id) id from intake
      where clinic_id = ? and client_id in (?) and (?::uuid is null or client_id = ?)
      order by client_id, taken_at desc, created_at desc`,
    [viewer.clinicId, clientIds, ownClientOnly(viewer), ownClientOnly(viewer)],
  );
  if (rows.length === 0) return [];
  return em.find(Intake, { id: { $in: rows.map((r) => r.id) } });
}

/** The current intake of one client, or null. */
export async function findLatestIntake(em: EntityManager, viewer: ClinicViewer, clientId: string): Promise<Intake | null> {
  return (await findLatestIntakes(em, viewer, [clientId]))[0] ?? null;
}

/** The current intake's red flags that no clinician has resolved yet. */
export function unresolvedRedFlags(intake: Intake | null): string[] {
  return intake && !intake.redFlagsResolvedAt ? intake.redFlags : [];
}

/** Marks the red flags of the client's current intake resolved, with how (e.g. "cleared by Dr Roy, 2026-11-30"). */
export async function resolveRedFlags(em: EntityManager, viewer: StaffViewer, clientId: string, note: string): Promise<Intake> {
  checkText('note', note, longText, true);
  return em.transactional(async (tx) => {
    await getClient(tx, viewer, clientId);
    const intake = await findLatestIntake(tx, viewer, clientId);
    if (!intake || intake.redFlags.length === 0) {
      throw new BadInputError('clientId', 'no-red-flags', "the client's current intake has no red flags");
    }
    if (intake.redFlagsResolvedAt) {
      throw new BadInputError('clientId', 'already-resolved', `the red flags were resolved at ${intake.redFlagsResolvedAt.toISOString()}`);
    }
    intake.redFlagsResolvedAt = new Date();
    intake.redFlagsResolutionNote = note.trim();
    await tx.flush();
    return intake;
  });
}
