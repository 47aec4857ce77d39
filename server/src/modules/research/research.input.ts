import { Field, Float, ID, InputType, Int, registerEnumType } from 'type-graphql';
import { enumOf } from '../../common/enum-of.js';
import { BadInputError } from '../../common/errors.js';
import { checkInteger, checkNumber, isUuid } from '../../common/validate.js';
import { ModalityEnum } from '../care/care.type.js';
import { type Modality, modalities } from '../care/treatment-session.entity.js';
import { type Sex, sexes } from '../clients/client.entity.js';
import { SexEnum } from '../clients/client.type.js';
import { findCondition } from '../conditions/condition-catalog.js';

export const modalityMatches = ['ANY', 'MAIN'] as const;
export type ModalityMatch = (typeof modalityMatches)[number];
export const ModalityMatchEnum = enumOf(modalityMatches);
registerEnumType(ModalityMatchEnum, {
  name: 'ModalityMatch',
  description: 'ANY: the modality was used at any attended visit; MAIN: it had the most hands-on minutes of the series.',
});

/** 10-year age bands at the series start; the top band is 90 and over. */
export const ageBands = [
  'AGE_0_9',
  'AGE_10_19',
  'AGE_20_29',
  'AGE_30_39',
  'AGE_40_49',
  'AGE_50_59',
  'AGE_60_69',
  'AGE_70_79',
  'AGE_80_89',
  'AGE_90_PLUS',
] as const;
export type AgeBand = (typeof ageBands)[number];
export const AgeBandEnum = enumOf(ageBands);
registerEnumType(AgeBandEnum, {
  name: 'AgeBand',
  description: 'Age in whole years at the series start, in 10-year bands; the top band is 90 and over.',
});

@InputType({
  description:
    'Which clients a research query is about: always those whose latest intake gives research consent, across all clinics, ' +
    'with one series each (the earliest that matches every filter). Every filter is optional; the ones given must all hold.',
})
export class CohortFilterInput {
  @Field(() => String, { nullable: true, description: 'Condition code of the series (conditions catalog).' })
  conditionCode?: string | null;

  @Field(() => ModalityEnum, { nullable: true, description: 'A modality of the series; see modalityMatch.' })
  modality?: Modality | null;

  @Field(() => ModalityMatchEnum, { nullable: true, description: 'How `modality` must match (default ANY).' })
  modalityMatch?: ModalityMatch | null;

  @Field(() => SexEnum, { nullable: true, description: 'Administrative sex of the client.' })
  sex?: Sex | null;

  @Field(() => [AgeBandEnum], { nullable: true, description: 'Age bands at the series start (any of them).' })
  ageBands?: AgeBand[] | null;

  @Field(() => Int, { nullable: true, description: 'At least this many attended visits (0-1000).' })
  minAttendedSessions?: number | null;

  @Field(() => Int, { nullable: true, description: 'At most this many attended visits (0-1000).' })
  maxAttendedSessions?: number | null;

  @Field(() => Float, { nullable: true, description: 'At least this many planned visits per week (0-14).' })
  minPlannedSessionsPerWeek?: number | null;

  @Field(() => Float, { nullable: true, description: 'At most this many planned visits per week (0-14).' })
  maxPlannedSessionsPerWeek?: number | null;

  @Field(() => ID, { nullable: true, description: 'Only series of this clinic.' })
  clinicId?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Series started in this calendar month (YYYY-MM) or later. Months, not days: a coarser quasi-identifier.',
  })
  startMonthFrom?: string | null;

  @Field(() => String, { nullable: true, description: 'Series started in this calendar month (YYYY-MM) or earlier.' })
  startMonthTo?: string | null;
}

/** A checked filter with every field present (null where not given). */
export interface CohortFilter {
  conditionCode: string | null;
  modality: Modality | null;
  modalityMatch: ModalityMatch;
  sex: Sex | null;
  ageBands: AgeBand[] | null;
  minAttendedSessions: number | null;
  maxAttendedSessions: number | null;
  minPlannedSessionsPerWeek: number | null;
  maxPlannedSessionsPerWeek: number | null;
  clinicId: string | null;
  /** `YYYY-MM`. */
  startMonthFrom: string | null;
  startMonthTo: string | null;
}

/** A calendar month `YYYY-MM` from 1900-01 to next year's December; anything else (2026-13, 2026-02-30) is BAD_USER_INPUT. */
export function checkMonth(field: string, value: string, now = new Date()): void {
  const match = /^(\d{4})-(\d{2})$/.exec(value);
  const year = Number(match?.[1]);
  const month = Number(match?.[2]);
  if (!match || month < 1 || month > 12) throw new BadInputError(field, 'month', 'must be a calendar month YYYY-MM');
  if (year < 1900) throw new BadInputError(field, 'not-before-1900', 'must not be before 1900');
  if (year > now.getUTCFullYear() + 1) throw new BadInputError(field, 'not-in-future', 'must be at most next year');
}

function checkRange(field: string, min: number | null, max: number | null, label: string): void {
  if (min !== null && max !== null && min > max) {
    throw new BadInputError(field, 'min-not-above-max', `must not be above the maximum ${label} (${min} > ${max})`);
  }
}

/** Checks a filter (a `prefix` such as `a` names the argument in errors) and fills in the defaults. */
export function checkCohortFilter(input: CohortFilterInput | null | undefined, prefix = 'filter'): CohortFilter {
  const at = (field: string) => `${prefix}.${field}`;
  const filter: CohortFilter = {
    conditionCode: input?.conditionCode ?? null,
    modality: input?.modality ?? null,
    modalityMatch: input?.modalityMatch ?? 'ANY',
    sex: input?.sex ?? null,
    ageBands: input?.ageBands && input.ageBands.length > 0 ? [...new Set(input.ageBands)] : null,
    minAttendedSessions: input?.minAttendedSessions ?? null,
    maxAttendedSessions: input?.maxAttendedSessions ?? null,
    minPlannedSessionsPerWeek: input?.minPlannedSessionsPerWeek ?? null,
    maxPlannedSessionsPerWeek: input?.maxPlannedSessionsPerWeek ?? null,
    clinicId: input?.clinicId ?? null,
    startMonthFrom: input?.startMonthFrom ?? null,
    startMonthTo: input?.startMonthTo ?? null,
  };
  if (filter.conditionCode !== null && !findCondition(filter.conditionCode)) {
    throw new BadInputError(
      at('conditionCode'),
      'unknown-code',
      `is not a condition of the catalog (${filter.conditionCode.slice(0, 40)})`,
    );
  }
  checkInteger(at('minAttendedSessions'), filter.minAttendedSessions, 0, 1000);
  checkInteger(at('maxAttendedSessions'), filter.maxAttendedSessions, 0, 1000);
  checkRange(at('minAttendedSessions'), filter.minAttendedSessions, filter.maxAttendedSessions, 'attended sessions');
  for (const key of ['minPlannedSessionsPerWeek', 'maxPlannedSessionsPerWeek'] as const) {
    const value = filter[key];
    if (value !== null) checkNumber(at(key), value, 0, 14);
  }
  checkRange(
    at('minPlannedSessionsPerWeek'),
    filter.minPlannedSessionsPerWeek,
    filter.maxPlannedSessionsPerWeek,
    'planned sessions per week',
  );
  if (filter.clinicId !== null && !isUuid(filter.clinicId)) throw new BadInputError(at('clinicId'), 'id', 'is not a clinic id');
  if (filter.startMonthFrom !== null) checkMonth(at('startMonthFrom'), filter.startMonthFrom);
  if (filter.startMonthTo !== null) checkMonth(at('startMonthTo'), filter.startMonthTo);
  if (filter.startMonthFrom !== null && filter.startMonthTo !== null && filter.startMonthFrom > filter.startMonthTo) {
    throw new BadInputError(
      at('startMonthFrom'),
      'min-not-above-max',
      `must not be after startMonthTo (${filter.startMonthFrom} > ${filter.startMonthTo})`,
    );
  }
  return filter;
}

const filterTypes: Record<keyof CohortFilterInput, 'string' | 'number' | readonly string[] | 'ageBands'> = {
  conditionCode: 'string',
  modality: modalities,
  modalityMatch: modalityMatches,
  sex: sexes,
  ageBands: 'ageBands',
  minAttendedSessions: 'number',
  maxAttendedSessions: 'number',
  minPlannedSessionsPerWeek: 'number',
  maxPlannedSessionsPerWeek: 'number',
  clinicId: 'string',
  startMonthFrom: 'string',
  startMonthTo: 'string',
};

/**
 * A filter that arrives as JSON outside GraphQL (the CSV export): the checks GraphQL's types would
 * make (known fields, types, enum values), then those of `checkCohortFilter`.
 */
export function cohortFilterFromJson(value: unknown, prefix = 'filter'): CohortFilter {
  if (value === undefined || value === null) return checkCohortFilter(null, prefix);
  if (typeof value !== 'object' || Array.isArray(value)) throw new BadInputError(prefix, 'type', 'must be an object');
  const input: Record<string, unknown> = {};
  for (const [key, raw] of Object.entries(value)) {
    const type = filterTypes[key as keyof CohortFilterInput];
    const field = `${prefix}.${key}`;
    if (!type) throw new BadInputError(field, 'unknown-field', 'is not a filter');
    if (raw === null) continue;
    const ok =
      type === 'ageBands'
        ? Array.isArray(raw) && raw.every((band) => (ageBands as readonly unknown[]).includes(band))
        : Array.isArray(type)
          ? type.includes(raw as string)
          : typeof raw === type;
    if (!ok)
      throw new BadInputError(
        field,
        'type',
        Array.isArray(type) ? `must be one of ${type.join(', ')}` : `must be a ${type === 'ageBands' ? 'list of age bands' : type}`,
      );
    input[key] = raw;
  }
  return checkCohortFilter(input as CohortFilterInput, prefix);
}
