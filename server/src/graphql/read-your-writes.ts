import type { ApolloServerPlugin } from '@apollo/server';
import type { Logger } from 'pino';
import type { ReadReplicas } from '../db/read-replicas.js';
import type { RequestContext } from '../modules/request/request-context.js';

/**
 * Read your writes with read replicas (db/read-replicas.ts): a mutation's own heavy reads (a visit recorded,
 * then the series' progress in its answer) stay on the primary, and once it has committed the account keeps the
 * primary's WAL position, so that its next requests, on whichever instance, wait for a replica that has it.
 */
export function readYourWritesPlugin(replicas: ReadReplicas, log: Logger): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, contextValue }) {
          if (operation?.operation === 'mutation') contextValue.reads.markWriting();
        },
        async willSendResponse({ contextValue: { reads, viewer, em } }) {
          const accountId = 'accountId' in viewer ? viewer.accountId : null;
          if (!reads.writing || !accountId) return;
          try {
            await replicas.noteWrite(em, accountId);
          } catch (error) {
            // The primary went away just now: the account's reads may then lag by up to the replicas' lag bound.
            log.warn({ err: error, accountId }, 'could not note the write position for read-your-writes');
          }
        },
      };
    },
  };
}
