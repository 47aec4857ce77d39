import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { encodeCursor } from '../../common/cursor.js';
import { actingTherapist, clinicViewer, staffViewer } from '../../common/viewer.js';
import { idempotent } from '../idempotency/idempotency.service.js';
import { IdempotencyKeyArg } from '../idempotency/idempotency-key.arg.js';
import type { RequestContext } from '../request/request-context.js';
import { CreateClientInput, RecordIntakeInput, UpdateClientInput } from './client.input.js';
import {
  clientCursorKey,
  createClient,
  getClient,
  getIntake,
  listClients,
  maxPageSize,
  recordIntake,
  updateClient,
} from './client.service.js';
import { ClientConnection, ClientNode, IntakeNode } from './client.type.js';

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
  ): Promise<ClientConnection> {
    const page = await listClients(em, clinicViewer(viewer), { search, first, after });
    const edges = page.clients.map((client) => ({ cursor: encodeCursor(clientCursorKey(client)), node: ClientNode.from(client) }));
    return Object.assign(new ClientConnection(), {
      edges,
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null },
      totalCount: page.totalCount,
    });
  }

  @Authorized('ADMIN', 'THERAPIST', 'CLIENT')
  @Query(() => ClientNode, { description: 'One client of the clinic; NOT_FOUND for any other id.' })
  async client(@Ctx() { em, viewer }: RequestContext, @Arg('id', () => ID) id: string): Promise<ClientNode> {
    return ClientNode.from(await getClient(em, clinicViewer(viewer), id));
  }

  @FieldResolver(() => IntakeNode, { nullable: true, description: 'The most recent intake, if any.' })
  async intake(@Root() client: ClientNode, @Ctx() { loaders }: RequestContext): Promise<IntakeNode | null> {
    const [latest] = await loaders.latestIntakeByClient.load(client.id);
    return latest ? IntakeNode.from(latest) : null;
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
}
