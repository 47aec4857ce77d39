/*
 * k-anonymity of the export's quasi-identifiers (Samarati P, Sweeney L, "Protecting privacy when
 * disclosing information: k-anonymity and its enforcement through generalization and suppression",
 * SRI technical report, 1998; Sweeney L, "Achieving k-anonymity privacy protection using generalization
 * and suppression", Int J Uncertainty Fuzziness Knowl-Based Syst 10(5), 2002: the Datafly algorithm).
 * Every participant of an export is described by age band, sex, condition, clinic, main modality and
 * start month. Generalization steps are applied to the whole table (global recoding, as Datafly) until
 * the participants in combinations of fewer than k are at most 5% of the table; those are then
 * suppressed (their rows left out), so that every combination in the file holds >= k participants.
 */

export interface QuasiIdentifiers {
  ageBand: string;
  sex: string;
  condition: string;
  clinic: string;
  modality: string;
  startMonth: string;
}

/** The value of a generalized-away quasi-identifier. */
export const withheld = 'WITHHELD';

interface Step {
  /** What the data dictionary says of this step. */
  description: string;
  apply: (rows: QuasiIdentifiers[], k: number) => QuasiIdentifiers[];
}

const quarter = (month: string) => (/^\d{4}-\d{2}$/.test(month) ? `${month.slice(0, 4)}-Q${Math.ceil(Number(month.slice(5)) / 3)}` : month);

/** 20-year bands from the 10-year ones: AGE_20_29 and AGE_30_39 -> AGE_20_39; 80-89 and 90+ -> AGE_80_PLUS. */
function wideAge(band: string): string {
  const match = /^AGE_(\d+)_/.exec(band);
  if (!match) return band === 'AGE_90_PLUS' ? 'AGE_80_PLUS' : band;
  const low = Math.floor(Number(match[1]) / 20) * 20;
  return low >= 80 ? 'AGE_80_PLUS' : `AGE_${low}_${low + 19}`;
}

/**
 * The generalization steps, as chains per quasi-identifier: a chain's steps apply in order (a start
 * month becomes a quarter before a year). Condition is never generalized: it is what a study is about.
 */
export const generalizationChains: readonly (readonly Step[])[] = [
  [
    {
      description: 'start_month generalized to the quarter (YYYY-Qn)',
      apply: (rows) => rows.map((r) => ({ ...r, startMonth: quarter(r.startMonth) })),
    },
    {
      description: 'start_month generalized to the year (YYYY)',
      apply: (rows) => rows.map((r) => ({ ...r, startMonth: r.startMonth.slice(0, 4) })),
    },
    { description: `start_month withheld (${withheld})`, apply: (rows) => rows.map((r) => ({ ...r, startMonth: withheld })) },
  ],
  [{ description: `clinic withheld (${withheld})`, apply: (rows) => rows.map((r) => ({ ...r, clinic: withheld })) }],
  [
    {
      description: 'main_modality: modalities of fewer than k participants grouped as OTHER',
      apply: (rows, k) => {
        const counts = new Map<string, number>();
        for (const r of rows) counts.set(r.modality, (counts.get(r.modality) ?? 0) + 1);
        return rows.map((r) => ((counts.get(r.modality) ?? 0) < k ? { ...r, modality: 'OTHER' } : r));
      },
    },
    { description: `main_modality withheld (${withheld})`, apply: (rows) => rows.map((r) => ({ ...r, modality: withheld })) },
  ],
  [
    {
      description: 'age_band merged into 20-year bands (AGE_0_19 ... AGE_60_79, AGE_80_PLUS)',
      apply: (rows) => rows.map((r) => ({ ...r, ageBand: wideAge(r.ageBand) })),
    },
    { description: `age_band withheld (${withheld})`, apply: (rows) => rows.map((r) => ({ ...r, ageBand: withheld })) },
  ],
  [{ description: `sex withheld (${withheld})`, apply: (rows) => rows.map((r) => ({ ...r, sex: withheld })) }],
];

/** Every step, for the data dictionary. */
export const generalizationSteps: readonly Step[] = generalizationChains.flat();

const classKey = (r: QuasiIdentifiers) => [r.ageBand, r.sex, r.condition, r.clinic, r.modality, r.startMonth].join('\u0000');

/** Indexes of the rows in combinations of fewer than k rows. */
function smallClassRows(rows: readonly QuasiIdentifiers[], k: number): Set<number> {
  const classes = new Map<string, number[]>();
  rows.forEach((r, i) => {
    const key = classKey(r);
    const members = classes.get(key);
    if (members) members.push(i);
    else classes.set(key, [i]);
  });
  const small = new Set<number>();
  for (const members of classes.values()) if (members.length < k) for (const i of members) small.add(i);
  return small;
}

export interface Anonymized {
  /** Generalized quasi-identifiers per input row (same order), or null when the row is suppressed. */
  rows: (QuasiIdentifiers | null)[];
  /** The generalization steps applied, in words. */
  steps: string[];
  suppressed: number;
}

/**
 * Generalizes (then suppresses) one row per participant until every combination holds >= k of them.
 * Greedy, like Datafly: at each round the next step of each chain is tried, and the one that leaves the
 * fewest participants in combinations under k is applied (the first chain's when none helps).
 */
export function anonymize(input: readonly QuasiIdentifiers[], k: number, maxSuppressedShare = 0.05): Anonymized {
  let rows = [...input];
  const steps: string[] = [];
  const next = generalizationChains.map(() => 0);
  let small = smallClassRows(rows, k);
  const limit = Math.floor(rows.length * maxSuppressedShare);
  while (small.size > limit) {
    let best: { chain: number; rows: QuasiIdentifiers[]; small: Set<number> } | null = null;
    generalizationChains.forEach((chain, c) => {
      const step = chain[next[c] as number];
      if (!step) return;
      const candidate = step.apply(rows, k);
      const candidateSmall = smallClassRows(candidate, k);
      if (!best || candidateSmall.size < best.small.size) best = { chain: c, rows: candidate, small: candidateSmall };
    });
    const chosen = best as { chain: number; rows: QuasiIdentifiers[]; small: Set<number> } | null;
    if (!chosen) break;
    steps.push((generalizationChains[chosen.chain] as readonly Step[])[next[chosen.chain] as number]?.description ?? '');
    next[chosen.chain] = (next[chosen.chain] as number) + 1;
    rows = chosen.rows;
    small = chosen.small;
  }
  return { rows: rows.map((r, i) => (small.has(i) ? null : r)), steps, suppressed: small.size };
}
