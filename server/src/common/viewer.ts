import { DomainError } from './errors.js';
import type { ProxyRelation } from './reporter.js';

/** The roles an account can have. */
export const roles = ['ADMIN', 'THERAPIST', 'CLIENT', 'RESEARCHER'] as const;
export type Role = (typeof roles)[number];

/** Staff of one clinic: an admin runs it, a therapist treats its clients. */
export interface StaffViewer {
  role: 'ADMIN' | 'THERAPIST';
  /** The signed-in account; null when the system itself acts (loading the demo data). */
  accountId: string | null;
  clinicId: string;
  /** The therapist record behind the account; an admin who does not treat has none. */
  therapistId: string | null;
}

/**
 * A client of a clinic, signed in to the portal: sees only their own record. The account may belong to a
 * proxy (a child client's parent or guardian), who sees the client's record as the client would and
 * whose diary values are recorded as reported by a proxy with this relation.
 */
export interface ClientViewer {
  role: 'CLIENT';
  accountId: string;
  clinicId: string;
  clientId: string;
  /** Set when the account belongs to a proxy for the client rather than to the client. */
  proxyRelation?: ProxyRelation | null;
}

/** A researcher belongs to no clinic and sees aggregates only. */
export interface ResearcherViewer {
  role: 'RESEARCHER';
  accountId: string;
}

/** No valid session or token. */
export interface AnonymousViewer {
  role: 'ANONYMOUS';
}

export type Viewer = StaffViewer | ClientViewer | ResearcherViewer | AnonymousViewer;

/** Viewers whose data lives in one clinic. */
export type ClinicViewer = StaffViewer | ClientViewer;

export const anonymous: AnonymousViewer = { role: 'ANONYMOUS' };

export class ForbiddenError extends DomainError {
  constructor(message = 'You may not do this') {
    super('FORBIDDEN', message);
    this.name = 'ForbiddenError';
  }
}

/** Narrows to a viewer of one clinic; resolvers call it after their role check. */
export function clinicViewer(viewer: Viewer): ClinicViewer {
  if (viewer.role === 'ADMIN' || viewer.role === 'THERAPIST' || viewer.role === 'CLIENT') return viewer;
  throw new ForbiddenError();
}

/** The therapist acting: clinical records are always written by a therapist. */
export function actingTherapist(viewer: Viewer): TherapistViewer {
  if ((viewer.role === 'THERAPIST' || viewer.role === 'ADMIN') && viewer.therapistId) {
    return viewer as TherapistViewer;
  }
  throw new ForbiddenError('Only a therapist records clinical data');
}

/** A staff viewer with a therapist record: the one who may write clinical data. */
export type TherapistViewer = StaffViewer & { therapistId: string };

/**
 * The rows of a table with `clinic` and `client` columns that a viewer may see:
 * staff see their clinic's, a client only their own.
 */
export function visibleTo(viewer: ClinicViewer): { clinic: string; client?: string } {
  return viewer.role === 'CLIENT' ? { clinic: viewer.clinicId, client: viewer.clientId } : { clinic: viewer.clinicId };
}

/** The one client a client viewer may see, or null for staff (who see the whole clinic). */
export function ownClientOnly(viewer: ClinicViewer): string | null {
  return viewer.role === 'CLIENT' ? viewer.clientId : null;
}

/** Narrows to clinic staff (admin or therapist). */
export function staffViewer(viewer: Viewer): StaffViewer {
  if (viewer.role === 'ADMIN' || viewer.role === 'THERAPIST') return viewer;
  throw new ForbiddenError();
}
