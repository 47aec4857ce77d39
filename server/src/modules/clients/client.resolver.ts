import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Authorized, Ctx, FieldResolver, ID, Info, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { encodeCursor } from '../../common/cursor.js';
import { columnSetFor } from '../../common/selection.js';
import { actingTherapist, clinicViewer, staffViewer } from '../../common/viewer.js';
import { wallClock } from '../../common/wall-clock.js';
import { idempotent } from '../idempotency/idempotency.service.js';
import { IdempotencyKeyArg } from '../idempotency/idempotency-key.arg.js';
import type { RequestContext } from '../request/request-context.js';
import { CreateClientInput, RecordIntakeInput, UpdateClientInput } from './client.input.js';
import { leanClientFields, readClient, readClientPage } from './client.reads.js';
import {
  clientCursorKey,
  createClient,
  getClient,
  getIntake,
  maxPageSize,
  recordIntake,
  resolveRedFlags,
  unresolvedRedFlags,
  updateClient,
} from './client.service.js';
import { ClientConnection, ClientNode, IntakeComplaintNode, IntakeNode } from './client.type.js';

@Resolver(() => ClientNode)
export class ClientResolver {
  @Authorized('ADMIN', 'THERAPIST', 'CLIENT')
  @Query(() => ClientConnection, { description: "The viewer's clinic's clients, by family name, matching every word of `search`." })
  async clients(
    @Ctx() { em, viewer }: RequestContext,
    @Arg('search', () => String, { nullable: true, description: 'Words to find in name or email.' }) search: string | null,
    @Arg('first', () => Int, { defaultValue: 20, description: `Page size, 1-${maxPageSize}.` }) first: number,
    @Arg('after', () => String, { nullable: true, description: 'Cursor of the last client of the previous page.' })
    after: string | null,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ClientConnection> {
    const columns = columnSetFor(info, leanClientFields, ['edges', 'node']);
    const page = await readClientPage(em, clinicViewer(viewer), { search, first, after }, columns);
    const edges = page.clients.map((client) => ({ cursor: encodeCursor(clientCursorKey(client)), node: client }));
    return Object.assign(new ClientConnection(), {
      edges,
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null },
      countAll: page.countAll,
    });
  }

  @Authorized('ADMIN', 'THERAPIST', 'CLIENT')
  @Query(() => ClientNode, { description: 'One client of the clinic; NOT_FOUND for any other id.' })
  async client(
    @Ctx() { em, viewer }: RequestContext,
    @Arg('id', () => ID) id: string,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ClientNode> {
    return readClient(em, clinicViewer(viewer), id, columnSetFor(info, leanClientFields));
  }

  @FieldResolver(() => IntakeNode, { nullable: true, description: 'The most recent intake, if any.' })
  async intake(@Root() client: ClientNode, @Ctx() { loaders }: RequestContext): Promise<IntakeNode | null> {
    const [latest] = await loaders.latestIntakeByClient.load(client.id);
    return latest ? IntakeNode.from(latest) : null;
  }

  @FieldResolver(() => [String], {
    description: "The current intake's red flags until a clinician resolves them ([] when none are open): show them before treating.",
  })
  async unresolvedRedFlags(@Root() client: ClientNode, @Ctx() { loaders }: RequestContext): Promise<string[]> {
    const [latest] = await loaders.latestIntakeByClient.load(client.id);
    return unresolvedRedFlags(latest ?? null);
  }

  @FieldResolver(() => [String], { description: "The current intake's contraindications to massage ([] without an intake)." })
  async contraindications(@Root() client: ClientNode, @Ctx() { loaders }: RequestContext): Promise<string[]> {
    const [latest] = await loaders.latestIntakeByClient.load(client.id);
    return latest?.contraindications ?? [];
  }

  @Authorized('ADMIN', 'THERAPIST')
  @Mutation(() => ClientNode, { description: 'Adds a client to the clinic.' })
  async createClient(
    @Ctx() { em, viewer }: RequestContext,
    @Arg('input', () => CreateClientInput) input: CreateClientInput,
    @IdempotencyKeyArg() idempotencyKey: string | null,
  ) {
    const staff = staffViewer(viewer);
    const client = await idempotent(em, staff, {
      key: idempotencyKey,
      operation: 'createClient',
      input,
      create: (tx) => createClient(tx, staff, input),
      reload: (tx, id) => getClient(tx, staff, id),
    });
    return ClientNode.from(client);
  }

  @Authorized('ADMIN', 'THERAPIST')
  @Mutation(() => ClientNode, { description: "Changes a client's details." })
  async updateClient(
    @Ctx() { em, viewer }: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateClientInput) input: UpdateClientInput,
  ) {
    return ClientNode.from(await updateClient(em, staffViewer(viewer), id, input));
  }

  @Authorized('ADMIN', 'THERAPIST')
  @Mutation(() => IntakeNode, { description: "Records an intake interview; it becomes the client's current intake." })
  async recordIntake(
    @Ctx() { em, viewer }: RequestContext,
    @Arg('clientId', () => ID) clientId: string,
    @Arg('input', () => RecordIntakeInput) input: RecordIntakeInput,
    @IdempotencyKeyArg() idempotencyKey: string | null,
  ) {
    const therapist = actingTherapist(viewer);
    const intake = await idempotent(em, therapist, {
      key: idempotencyKey,
      operation: 'recordIntake',
      input: { clientId, input },
      create: (tx) => recordIntake(tx, therapist, clientId, input),
      reload: (tx, id) => getIntake(tx, therapist, id),
    });
    return IntakeNode.from(intake);
  }

  @Authorized('ADMIN', 'THERAPIST')
  @Mutation(() => IntakeNode, {
    description:
      'Marks the red flags of the client\'s current intake resolved, with how (e.g. "cleared by Dr Roy, 2026-11-30"); ' +
      'visits then need no acknowledgement. BAD_USER_INPUT `no-red-flags` when there are none, `already-resolved` when done before.',
  })
  async resolveRedFlags(
    @Ctx() { em, viewer }: RequestContext,
    @Arg('clientId', () => ID) clientId: string,
    @Arg('note', () => String, { description: 'How the flags were resolved, 1-4000 characters.' }) note: string,
  ): Promise<IntakeNode> {
    return IntakeNode.from(await resolveRedFlags(em, staffViewer(viewer), clientId, note));
  }
}

/** `totalCount` as a field of its own, so that a page whose answer does not ask for it counts nothing. */
@Resolver(() => ClientConnection)
export class ClientConnectionResolver {
  @FieldResolver(() => Int, { description: 'Number of clients matching the search, over all pages.' })
  totalCount(@Root() connection: ClientConnection): Promise<number> {
    return connection.countAll();
  }
}

const dayMs = 24 * 3600 * 1000;

@Resolver(() => IntakeComplaintNode)
export class IntakeComplaintResolver {
  @FieldResolver(() => Int, {
    nullable: true,
    description: "Whole weeks from the onset date to the interview's day in the clinic's time zone; null without an onset date.",
  })
  async durationWeeks(@Root() complaint: IntakeComplaintNode, @Ctx() { loaders }: RequestContext): Promise<number | null> {
    if (!complaint.onsetDate) return null;
    const clinic = await loaders.clinicById.load(complaint.clinicId);
    const { year, month, day } = wallClock(complaint.takenAt, clinic.timeZone);
    const days = (Date.UTC(Number(year), Number(month) - 1, Number(day)) - Date.parse(`${complaint.onsetDate}T00:00:00Z`)) / dayMs;
    return Math.floor(days / 7);
  }
}
