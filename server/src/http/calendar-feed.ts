import { randomUUID } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/postgresql';
import type express from 'express';
import type { Logger } from 'pino';
import type { Viewer } from '../common/viewer.js';
import { feedCalendar } from '../modules/appointments/calendar.service.js';
import { icsContentType } from '../modules/appointments/ical.js';
import { writeAuditEvents } from '../modules/audit/audit.service.js';

/**
 * `GET /calendar/<token>.ics`: a therapist's or a client's private calendar feed. The token in the address is the
 * only credential (calendar programs cannot sign in); an unknown or revoked one answers 404, as a path that never
 * existed. Each read is audited under the feed owner's clinic, with no account (whoever holds the address reads it).
 */
export function calendarFeedHandler(orm: MikroORM, log: Logger): express.RequestHandler {
  return async (request, response) => {
    const requestId = randomUUID();
    response.setHeader('x-request-id', requestId);
    response.setHeader('cache-control', 'no-store');
    try {
      const token = String(request.params.token ?? '');
      const em = orm.em.fork();
      const feed = await feedCalendar(em, token);
      if (!feed) {
        response.status(404).type('text/plain').send('No such calendar feed');
        return;
      }
      const reader = { role: feed.owner, accountId: null, clinicId: feed.clinicId, therapistId: null, clientId: null } as unknown as Viewer;
      await writeAuditEvents(
        em,
        reader,
        { requestId, address: request.ip ?? '' },
        {
          operation: 'Feed.calendar',
          outcome: 'ALLOWED',
          clientIds: feed.clientIds,
        },
      );
      response.status(200).setHeader('content-type', icsContentType).send(feed.ics);
    } catch (error) {
      log.error({ err: error, requestId }, 'calendar feed failed');
      response.status(500).type('text/plain').send('The calendar could not be made; try again later');
    }
  };
}
