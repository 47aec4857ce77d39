import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import { decodeCursor } from '../../common/cursor.js';
import { NotFoundError } from '../../common/errors.js';
import { checkClinicalTime, checkEmail, checkInteger, checkLocalDate, checkText, isUuid } from '../../common/validate.js';
import { type ClinicViewer, ownClientOnly, type StaffViewer, type TherapistViewer, visibleTo } from '../../common/viewer.js';
import { Client } from './client.entity.js';
import type { CreateClientInput, RecordIntakeInput, UpdateClientInput } from './client.input.js';
import { Intake } from './intake.entity.js';

export const maxPageSize = 100;

export interface ClientPage {
  clients: Client[];
  hasNextPage: boolean;
  totalCount: number;
}

/** `%` and `_` typed by a person are literal characters, not wildcards. */
function likePattern(word: string): string {
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

export function clientCursorKey(client: Client): string[] {
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

function checkClientFields(input: CreateClientInput | UpdateClientInput, required: boolean): void {
  checkText('givenName', input.givenName, 100, required);
  checkText('familyName', input.familyName, 100, required);
  if (input.dateOfBirth) checkLocalDate('dateOfBirth', input.dateOfBirth);
  checkEmail('email', input.email);
  checkText('phone', input.phone, 40);
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
    await tx.flush();
    return client;
  });
}

const longText = 4000;
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
  return em.transactional(async (tx) => {
    await getClient(tx, viewer, clientId);
    const researchConsent = input.researchConsent ?? false;
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
    });
    await tx.flush();
    return intake;
  });
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
