import type { EntityManager } from '@mikro-orm/postgresql';
import { createLoaders, type Loaders } from './loaders.js';

/**
 * Who is calling. Until accounts exist (see the access issue) every request acts
 * as the demo clinic's first therapist; the shape already carries the clinic so
 * every service scopes by it.
 */
export interface Viewer {
  role: 'THERAPIST';
  therapistId: string;
  clinicId: string;
}

/** One request = one unit of work: its own forked EntityManager, its own batch loaders. */
export interface GraphQLContext {
  em: EntityManager;
  viewer: Viewer;
  requestId: string;
  loaders: Loaders;
}

export function createContext(em: EntityManager, viewer: Viewer, requestId: string): GraphQLContext {
  return { em, viewer, requestId, loaders: createLoaders(em, viewer) };
}
