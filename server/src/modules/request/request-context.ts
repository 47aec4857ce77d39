import type { EntityManager } from '@mikro-orm/postgresql';
import { clinicViewer, type Viewer } from '../../common/viewer.js';
import type { HeavyReads } from '../../db/read-replicas.js';
import { createLoaders, type Loaders } from './loaders.js';

export type { Viewer } from '../../common/viewer.js';

/** What the HTTP layer knows of the request, for the audit trail and rate limits. */
export interface RequestInfo {
  requestId: string;
  /** Client address as seen by the server. */
  address: string;
}

/** One request = one unit of work: its own forked EntityManager, its own batch loaders. */
export interface RequestContext extends RequestInfo {
  em: EntityManager;
  viewer: Viewer;
  loaders: Loaders;
  /** Research, exports, progress and the caseload: on a read replica when one may answer (db/read-replicas.ts). */
  reads: HeavyReads;
}

/** `researchMinCell`: research's minimum cell size k, which also withholds expected-change bands (expected-change.service.ts). */
export function createContext(
  em: EntityManager,
  viewer: Viewer,
  request: RequestInfo,
  reads: HeavyReads,
  researchMinCell: number,
): RequestContext {
  // Loaders read clinical rows, so they exist only for viewers of one clinic.
  return { em, viewer, ...request, reads, loaders: createLoaders(em, () => clinicViewer(viewer), reads, researchMinCell) };
}
