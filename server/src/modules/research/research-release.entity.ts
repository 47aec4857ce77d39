import { defineEntity, type InferEntity, p } from '@mikro-orm/core';

/**
 * Query-set overlap control (Dobkin, Jones & Lipton, "Secure databases: protection against user
 * influence", ACM TODS 4(1), 1979; Denning, "Secure statistical databases with random sample
 * queries", ACM TODS 5(3), 1980): every cohort whose statistics or rows were released, for all
 * researchers together, so that a later cohort differing from one of them by 1 to k - 1 clients can be
 * refused (research-release.ts). Rows are written by the research module only, never read by a resolver.
 */
export const ResearchRelease = defineEntity({
  name: 'ResearchRelease',
  tableName: 'research_release',
  indexes: [{ properties: ['measureCode', 'size'] }, { properties: ['measureCode', 'setHash'] }],
  properties: {
    id: p.bigint().primary().autoincrement(),
    createdAt: p.datetime().onCreate(() => new Date()),
    /** The measure whose outcomes (or export rows) were released; `*` for an export of every measure. */
    measureCode: p.string().length(40),
    /** Participants in the released set. */
    size: p.integer(),
    /** md5 of the sorted participant ids: an identical set is recorded once. */
    setHash: p.string().length(32),
  },
});
export type ResearchRelease = InferEntity<typeof ResearchRelease>;

/** One participant of a released cohort (a client id; never output). */
export const ResearchReleaseMember = defineEntity({
  name: 'ResearchReleaseMember',
  tableName: 'research_release_member',
  properties: {
    release: () => p.manyToOne(ResearchRelease).ref().primary().deleteRule('cascade'),
    clientId: p.uuid().primary(),
  },
});
export type ResearchReleaseMember = InferEntity<typeof ResearchReleaseMember>;
