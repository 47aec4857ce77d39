import type { Side } from '../modules/body-regions/body-region-catalog.js';
import { findBodyRegion } from '../modules/body-regions/body-region-catalog.js';
import type { CloseSeriesInput, StartSeriesInput, TreatedRegionInput } from '../modules/care/care.input.js';
import type { DischargeReason, SeriesStatus } from '../modules/care/treatment-series.entity.js';
import type { Attendance, Modality } from '../modules/care/treatment-session.entity.js';
import type { Sex } from '../modules/clients/client.entity.js';
import type { CreateClientInput, RecordIntakeInput } from '../modules/clients/client.input.js';
import type { PressurePreference } from '../modules/clients/intake.entity.js';
import { conditionCatalog, findCondition } from '../modules/conditions/condition-catalog.js';
import type { AnswerInput, SessionQuestionnaireInput } from '../modules/instruments/instrument.input.js';
import { findInstrument } from '../modules/instruments/instrument-catalog.js';
import type { InstrumentCode } from '../modules/instruments/instrument-definition.js';
import { findMeasure } from '../modules/measures/measure-catalog.js';
import type { RecordObservationInput, SessionObservationInput } from '../modules/measures/observation.input.js';
import type { RecordSessionInput } from '../modules/recording/recording.input.js';
import { type AnswerHabits, questionnaireAnswers } from './answers.js';
import {
  assessmentPhrases,
  type ClinicContent,
  type ConditionProfile,
  type ConditionVariant,
  cancelReasons,
  cancerContraindications,
  clinicContents,
  dischargeNotes,
  generalContraindications,
  generalPast,
  type MeasureUse,
  noShowNotes,
  profileByCode,
  type RegionUse,
  redFlagsByCondition,
  type ScopeClient,
  scopeClients,
  subjectivePhrases,
} from './demo-content.js';
import { addOnboardingDetails } from './onboarding.js';
import { clamp, Random, roundTo } from './random.js';
import { addDays, dayOfWeek, daysBetween, localDateOf, yearsBefore, zonedTime } from './time.js';

/*
 * The demo data set as plain service inputs, computed before anything is written: the same
 * seed and anchor date always give the same plan, and writing it is a straight walk through
 * the services (see seed.ts).
 */

export type Trajectory = 'IMPROVING' | 'PLATEAU' | 'WORSENING';

export interface PlannedSeries {
  /** Index of the therapist within the clinic. */
  therapist: number;
  trajectory: Trajectory;
  intake: RecordIntakeInput;
  start: Omit<StartSeriesInput, 'clientId'>;
  sessions: Omit<RecordSessionInput, 'seriesId'>[];
  /** Pain the client reported between visits (diary). */
  diary: Omit<RecordObservationInput, 'clientId' | 'seriesId'>[];
  close: CloseSeriesInput | null;
  /** How the intake's red flags were resolved before the first visit; null when there were none or they stay open. */
  redFlagsClearedNote: string | null;
}

export interface PlannedClient {
  clinic: number;
  client: CreateClientInput;
  /** In clinical order, oldest first. */
  series: PlannedSeries[];
}

export interface PlannedClinic {
  name: string;
  timeZone: string;
  therapists: {
    givenName: string;
    familyName: string;
    registrationNumber: string;
    email: string;
  }[];
}

export interface DemoPlan {
  seed: number;
  anchorDate: string;
  clinics: PlannedClinic[];
  clients: PlannedClient[];
}

export interface PlanOptions {
  seed: number;
  clients: number;
  /** The "today" of the data set (YYYY-MM-DD): active series have their last visit in the days before it. */
  anchorDate: string;
}

const maxVisitsPerSeries = 24;

/**
 * How often conditions come up beyond the first two clients of each. These are the conditions of the generated
 * population; the conditions added with issue 20 (children, pregnancy, anxiety, knee and hip osteoarthritis) have
 * their own hand-made clients (`scopeClients`), so the generated 40 stay what they were.
 */
const extraConditionWeights: [string, number][] = [
  ['CHRONIC_LOW_BACK_PAIN', 5],
  ['NECK_PAIN', 5],
  ['POSTURAL_PAIN', 3],
  ['TENSION_TYPE_HEADACHE', 2],
  ['FIBROMYALGIA', 2],
  ['SPORTS_INJURY', 2],
  ['OSTEOARTHRITIS', 2],
  ['WHIPLASH', 1],
  ['REPETITIVE_STRAIN', 1],
  ['FROZEN_SHOULDER', 1],
  ['CARPAL_TUNNEL', 1],
  ['TMJ_DISORDER', 1],
  ['CANCER_PALLIATIVE', 1],
];

/** The generated population's conditions, in catalog order (the order the seed has always drawn them in). */
const populationConditions = conditionCatalog
  .map((condition) => condition.code)
  .filter((code) => extraConditionWeights.some(([weighted]) => weighted === code));

/** Weekdays (1 = Monday ... 6 = Saturday) of the usual visits, by visits per week, with their weights: Saturdays are rarer. */
const weeklyPatterns: Record<number, [number[], number][]> = {
  1: [
    [[1], 2],
    [[2], 2],
    [[3], 2],
    [[4], 2],
    [[5], 1.5],
    [[6], 0.8],
  ],
  2: [
    [[1, 4], 1],
    [[2, 5], 1],
    [[1, 3], 1],
    [[2, 4], 1],
    [[3, 5], 1],
    [[1, 5], 0.5],
    [[3, 6], 0.3],
  ],
  3: [
    [[1, 3, 5], 3],
    [[2, 4, 6], 0.5],
  ],
};

const preferredTimes = [9 * 60, 10 * 60, 11 * 60 + 30, 13 * 60, 15 * 60, 16 * 60 + 30, 17 * 60 + 30, 18 * 60];

const pressureRange: Record<PressurePreference, [number, number]> = {
  LIGHT: [1, 2],
  MODERATE: [2, 3],
  FIRM: [3, 4],
  DEEP: [4, 5],
};

const sideWord = (side: Side) => (side === 'LEFT' ? 'left' : 'right');

function fill(template: string, side: Side, rng: Random): string {
  return template
    .replaceAll('{sideLower}', sideWord(side))
    .replaceAll('{side}', side === 'LEFT' ? 'Left' : 'Right')
    .replaceAll('{weeks}', String(rng.int(3, 10)));
}

function asciiWord(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z]/g, '')
    .toLowerCase();
}

function resolveSide(rule: RegionUse['side'], affected: Side): TreatedRegionInput['side'] {
  if (rule === 'AFFECTED') return affected;
  if (rule === 'OTHER') return affected === 'LEFT' ? 'RIGHT' : 'LEFT';
  return rule;
}

function regionLabel(code: string, side: Side | null | undefined): string {
  const name = (findBodyRegion(code)?.name ?? code).toLowerCase();
  return side ? `${sideWord(side)} ${name}` : name;
}

/** A progress curve from 0 (start of the planned course) to 1 (its end). */
function progressCurve(trajectory: Trajectory, p: number): number {
  if (trajectory === 'IMPROVING') return 1 - (1 - p) ** 1.6;
  if (trajectory === 'WORSENING') return p ** 0.7;
  return 0;
}

interface ClientContext {
  rng: Random;
  clinic: ClinicContent;
  sex: Sex;
  preferredTime: number;
  researchConsent: boolean;
}

interface SeriesChoice {
  conditionCode: string;
  /** The condition's profile with this client's own changes (scope clients); default: the condition's profile. */
  profile?: ConditionProfile;
  status: SeriesStatus;
  trajectory: Trajectory;
  therapist: number;
  /** The last visit falls on or before this date. */
  lastVisitBy: string;
}

/** Whole-number pain with the measure's bounds. */
const pain = (value: number) => clamp(Math.round(value), 0, 10);

function planVisitDates(rng: Random, perWeek: number, count: number): string[] {
  const pattern = rng.weighted(weeklyPatterns[perWeek] ?? [[[2], 1]]);
  const base: string[] = [];
  // Any Monday will do: the dates are shifted into place afterwards by whole weeks.
  for (let week = 0; base.length < count; week++) {
    if (week > 0 && rng.chance(0.04)) continue; // a week off (holiday, travel)
    for (const day of pattern) {
      if (base.length < count) base.push(addDays('2001-01-01', week * 7 + day - 1));
    }
  }
  return base.map((date, i) => {
    if (!rng.chance(0.08)) return date;
    const moved = addDays(date, rng.pick([-1, 1]));
    const before = i === 0 ? undefined : base[i - 1];
    const after = base[i + 1];
    const ok = dayOfWeek(moved) !== 0 && (!before || moved > before) && (!after || moved < after);
    return ok ? moved : date;
  });
}

function startMinutes(rng: Random, clinic: ClinicContent, date: string, preferred: number, minutes: number): number {
  const hours = clinic.hours[dayOfWeek(date)];
  if (!hours) throw new Error(`${clinic.name} is closed on ${date}`);
  const [open, close] = hours;
  const slots: number[] = [];
  for (let t = open; t + minutes <= close; t += 30) slots.push(t);
  // Clients mostly keep their usual time, or the nearest one the clinic has that day.
  const usual = slots.reduce((best, t) => (Math.abs(t - preferred) < Math.abs(best - preferred) ? t : best), slots[0] ?? open);
  return rng.chance(0.8) ? usual : rng.pick(slots);
}

function visitOutcomes(rng: Random, attendedTarget: number): Attendance[] {
  const outcomes: Attendance[] = ['ATTENDED'];
  let attended = 1;
  while (attended < attendedTarget) {
    const room = outcomes.length + (attendedTarget - attended) < maxVisitsPerSeries;
    const r = rng.next();
    if (room && r < 0.06) outcomes.push('CANCELLED');
    else if (room && r < 0.095) outcomes.push('NO_SHOW');
    else {
      outcomes.push('ATTENDED');
      attended += 1;
    }
  }
  return outcomes;
}

interface MeasureTrack {
  use: MeasureUse;
  side: Side | null;
  start: number;
  /** Share of the trend this side follows (the unaffected side changes less). */
  share: number;
}

function planSeries(ctx: ClientContext, choice: SeriesChoice, forced: { cancel: boolean; noShow: boolean }): PlannedSeries {
  const { rng, clinic } = ctx;
  const profile = choice.profile ?? (profileByCode.get(choice.conditionCode) as ConditionProfile);
  const variant: ConditionVariant = rng.pick(profile.variants);
  const affected: Side = rng.chance(0.6) ? 'RIGHT' : 'LEFT';
  const perWeek = rng.weighted(profile.perWeek);
  const minutes = rng.weighted(profile.minutes);
  const male = ctx.sex === 'MALE';

  // ---- plan size and what happened to each visit
  let planned: number;
  let attendedTarget: number;
  if (choice.status === 'COMPLETED') {
    planned = rng.int(6, 18);
    attendedTarget = planned;
  } else if (choice.status === 'DISCONTINUED') {
    planned = rng.int(10, 24);
    attendedTarget = rng.int(6, planned - 4);
  } else {
    planned = rng.int(8, 24);
    attendedTarget = rng.int(Math.max(6, Math.round(planned * 0.3)), planned - 1);
  }
  const outcomes = visitOutcomes(rng, attendedTarget);
  if (forced.cancel && !outcomes.includes('CANCELLED') && outcomes.length < maxVisitsPerSeries) outcomes.splice(2, 0, 'CANCELLED');
  if (forced.noShow && !outcomes.includes('NO_SHOW') && outcomes.length < maxVisitsPerSeries) outcomes.splice(3, 0, 'NO_SHOW');

  // ---- calendar: a weekly pattern, moved so the last visit falls on or just before `lastVisitBy`
  const draftDates = planVisitDates(rng, perWeek, outcomes.length);
  const lastDraft = draftDates[draftDates.length - 1] as string;
  const shift = 7 * Math.floor(daysBetween(lastDraft, choice.lastVisitBy) / 7);
  const dates = draftDates.map((date) => addDays(date, shift));
  const starts = dates.map((date) => {
    const at = startMinutes(rng, clinic, date, ctx.preferredTime, minutes);
    return zonedTime(date, at, clinic.timeZone);
  });

  // ---- intake
  const contraindications: string[] = [];
  if (choice.conditionCode === 'CANCER_PALLIATIVE') contraindications.push(...rng.sample(cancerContraindications, rng.int(1, 2)));
  else if (rng.chance(0.15)) contraindications.push(rng.pick(generalContraindications));
  const redFlagOptions = redFlagsByCondition[choice.conditionCode] ?? [];
  const redFlags = redFlagOptions.length > 0 && rng.chance(0.25) ? [rng.pick(redFlagOptions)] : [];
  let pressurePreference = rng.weighted(profile.pressure);
  if (contraindications.some((c) => /light pressure/i.test(c))) pressurePreference = 'LIGHT';
  else if (contraindications.some((c) => /no deep/i.test(c)) && (pressurePreference === 'FIRM' || pressurePreference === 'DEEP')) {
    pressurePreference = 'MODERATE';
  }
  const goals = rng.pick(profile.goals);
  const firstStart = starts[0] as Date;
  const intake: RecordIntakeInput = {
    takenAt: new Date(firstStart.getTime() - 15 * 60_000),
    chiefComplaints: fill(rng.pick(variant.complaints), affected, rng),
    currentConditions: rng.pick(profile.currentConditions),
    pastConditions: rng.chance(0.6) ? rng.pick(generalPast) : null,
    medications: rng.pick(profile.medications),
    contraindications,
    redFlags,
    goals,
    pressurePreference,
    painTolerance: rng.weighted(profile.tolerance),
    consentToTreatment: true,
    researchConsent: ctx.researchConsent,
  };

  // ---- where it hurts, what else is treated, what is measured
  const painRegions = [variant.painRegions[0]];
  const second = variant.painRegions[1];
  if (second && rng.chance(variant.secondRegionChance)) painRegions.push(second);
  const painSites = painRegions.map((use) => ({
    code: use.code,
    side: resolveSide(use.side, affected) as Side | null,
  }));
  const extras = rng.sample(variant.extraTreated, rng.int(1, Math.min(2, variant.extraTreated.length)));
  const treatedRegions: TreatedRegionInput[] = [];
  for (const use of [...painRegions, ...extras]) {
    if (treatedRegions.some((r) => r.regionCode === use.code)) continue;
    treatedRegions.push({
      regionCode: use.code,
      side: resolveSide(use.side, affected),
    });
  }
  const tracks: MeasureTrack[] = variant.measures.flatMap((use) => {
    const factor = male ? (use.maleFactor ?? 1) : 1;
    const start = rng.float(use.baseline[0], use.baseline[1]) * factor;
    if (use.sides === 'NONE') return [{ use, side: null, start, share: 1 }];
    if (use.sides === 'AFFECTED') return [{ use, side: affected, start, share: 1 }];
    const other: Side = affected === 'LEFT' ? 'RIGHT' : 'LEFT';
    const [lo, hi] = use.otherBaseline ?? use.baseline;
    const otherTrack: MeasureTrack = {
      use,
      side: other,
      start: rng.float(lo, hi) * factor,
      share: 0.4,
    };
    const affectedTrack: MeasureTrack = {
      use,
      side: affected,
      start,
      share: 1,
    };
    return affected === 'LEFT' ? [affectedTrack, otherTrack] : [otherTrack, affectedTrack];
  });

  // ---- trajectory: pain in the main region, the second region following it
  const basePain = rng.int(profile.pain[0], profile.pain[1]);
  const bases = [basePain, clamp(basePain - rng.int(1, 2), 2, 10)];
  const lowestBase = painSites.length > 1 ? (bases[1] as number) : basePain;
  let fullChange = 0;
  if (choice.trajectory === 'IMPROVING') fullChange = -Math.min(rng.int(2, 5), lowestBase);
  if (choice.trajectory === 'WORSENING') fullChange = Math.min(rng.int(2, 3), 10 - basePain);
  const attendedCount = outcomes.filter((o) => o === 'ATTENDED').length;
  const trend = Array.from({ length: attendedCount }, (_, i) => fullChange * progressCurve(choice.trajectory, i / (planned - 1)));
  const noise = trend.map((_, i) => (i === 0 || i === attendedCount - 1 ? 0 : rng.pick([-1, 0, 0, 0, 1])));
  const prePain = trend.map((t, i) =>
    painSites.map((_, r) => {
      const base = bases[r] as number;
      let value = pain(base + t + (noise[i] as number));
      if (choice.trajectory === 'WORSENING' && i === attendedCount - 1) value = Math.max(value, Math.min(10, base + 1));
      return value;
    }),
  );
  const dropWeights: Record<Trajectory, [number, number][]> = {
    IMPROVING: [
      [0, 2],
      [1, 5],
      [2, 3],
    ],
    PLATEAU: [
      [0, 4],
      [1, 5],
      [2, 1],
    ],
    WORSENING: [
      [0, 6],
      [1, 4],
    ],
  };

  // ---- questionnaires: the condition's own and/or PSFS, at the first visit, every 4th and at discharge
  const instruments: InstrumentCode[] = [];
  if (profile.instrument) instruments.push(profile.instrument);
  if (variant.psfsActivities.length >= 3 && rng.chance(profile.psfsChance)) instruments.push('PSFS');
  // A child who can point rates their own pain on the faces, beside what the parent or therapist observes.
  if (profile.childPain) instruments.push('FPSR');
  const habits: AnswerHabits = {
    blankItem:
      profile.instrument === 'ODI' && rng.chance(0.25) ? 'ODI8' : profile.instrument === 'NDI' && rng.chance(0.15) ? 'NDI8' : undefined,
    workModule: rng.chance(0.4),
    psfs: rng.sample(variant.psfsActivities, 3).map((label) => ({ label, offset: rng.int(-1, 1) })),
  };
  const startSeverity: Record<string, number> = {
    main: rng.float(profile.severity[0], profile.severity[1]),
    PSFS: rng.float(0.45, 0.7),
  };
  const scores = new Map<InstrumentCode, number[]>();

  // ---- the visits
  const baseModalities = rng.sample(profile.modalities, rng.int(1, 2));
  const [pressureLow, pressureHigh] = pressureRange[pressurePreference];
  const sessions: Omit<RecordSessionInput, 'seriesId'>[] = [];
  let attendedIndex = -1;
  outcomes.forEach((attendance, v) => {
    const startedAt = starts[v] as Date;
    if (attendance !== 'ATTENDED') {
      sessions.push({
        startedAt,
        durationMinutes: 0,
        attendance,
        subjective: attendance === 'CANCELLED' ? rng.pick(cancelReasons) : rng.pick(noShowNotes),
      });
      return;
    }
    attendedIndex += 1;
    const i = attendedIndex;
    const isFirst = i === 0;
    const isLast = i === attendedCount - 1;
    const pre = prePain[i] as number[];
    const drop = rng.weighted(dropWeights[choice.trajectory]);
    const post = pre.map((value) => pain(value - drop));
    const level = (trend[i] as number) + (noise[i] as number) * 0.5;

    const observations: SessionObservationInput[] = [];
    // A child who cannot rate pain 0-10 has no NPRS: the questionnaires below carry their pain.
    (profile.childPain ? [] : painSites).forEach((site, r) => {
      observations.push({
        measureCode: 'NPRS',
        value: pre[r] as number,
        regionCode: site.code,
        side: site.side,
        context: 'PRE_SESSION',
      });
      observations.push({
        measureCode: 'NPRS',
        value: post[r] as number,
        regionCode: site.code,
        side: site.side,
        context: 'POST_SESSION',
      });
    });
    const measured: string[] = [];
    for (const track of tracks) {
      const measure = findMeasure(track.use.measure);
      if (!measure) throw new Error(`measure ${track.use.measure} is not in the catalog`);
      const bound = (value: number) => roundTo(clamp(value, measure.min, Math.min(measure.max, track.use.ceiling)), measure.decimals);
      const preValue = bound(track.start - track.use.perPainPoint * level * track.share + rng.float(-track.use.noise, track.use.noise));
      observations.push({
        measureCode: measure.code,
        value: preValue,
        side: track.side,
        context: 'PRE_SESSION',
      });
      const unit = measure.unitLabel === '°' ? '°' : ` ${measure.unitLabel}`;
      let text = `${measure.name.replace(/ \(.*\)$/, '')}${track.side ? ` ${track.side === 'LEFT' ? 'L' : 'R'}` : ''} ${preValue}${unit}`;
      if (track.use.postGain) {
        const postValue = bound(preValue + rng.float(track.use.postGain[0], track.use.postGain[1]));
        observations.push({
          measureCode: measure.code,
          value: postValue,
          side: track.side,
          context: 'POST_SESSION',
        });
        text += ` (${postValue}${unit} after)`;
      }
      measured.push(text);
    }

    const questionnaireResponses: SessionQuestionnaireInput[] = [];
    if (profile.childPain || i % 4 === 0 || (isLast && choice.status !== 'ACTIVE')) {
      for (const code of instruments) {
        const start = (code === 'PSFS' ? startSeverity.PSFS : startSeverity.main) as number;
        const severity = clamp((start * (basePain + level)) / basePain + rng.float(-0.03, 0.03), 0.02, 0.98);
        const answers: AnswerInput[] = questionnaireAnswers(rng, code, severity, habits);
        const score = findInstrument(code)?.score(answers).score;
        if (score !== undefined) scores.set(code, [...(scores.get(code) ?? []), score]);
        questionnaireResponses.push({
          instrumentCode: code,
          answers,
          completedAt: new Date(startedAt.getTime() - 10 * 60_000),
          ...(code === profile.instrument ? profile.instrumentReporter : undefined),
        });
      }
    }

    const previous = i > 0 ? (prePain[i - 1] as number[])[0] : undefined;
    const trendWord =
      previous === undefined ? 'first' : (pre[0] as number) < previous ? 'better' : (pre[0] as number) > previous ? 'worse' : 'same';
    const painText = profile.childPain
      ? 'by the faces and observed behaviour (see questionnaires)'
      : painSites.map((site, r) => `${pre[r]}/10 ${regionLabel(site.code, site.side)}`).join(', ');
    const modalities: Modality[] = [...baseModalities];
    if (rng.chance(0.2)) {
      const extra = rng.pick(profile.modalities);
      if (!modalities.includes(extra)) modalities.push(extra);
    }
    const durationMinutes = minutes - rng.pick([0, 0, 0, 0, 5]);
    const regions = treatedRegions
      .filter((_, r) => r < painSites.length || !rng.chance(0.2))
      .map((region, r) => ({
        ...region,
        weight: r < painSites.length ? 3 : 1,
      }));
    const totalWeight = regions.reduce((sum, region) => sum + region.weight, 0);
    const handsOn = durationMinutes - 5;
    const planText =
      isLast && choice.status === 'COMPLETED'
        ? 'Discharge: goals met; continue home program.'
        : isLast && choice.status === 'DISCONTINUED'
          ? 'Series ends here; see discharge note.'
          : rng.pick(profile.plans);
    sessions.push({
      startedAt,
      durationMinutes,
      attendance,
      modalities,
      regions: regions.map(({ weight, ...region }) => ({
        ...region,
        minutes: Math.max(5, 5 * Math.floor((handsOn * weight) / totalWeight / 5)),
      })),
      pressure: isFirst ? pressureLow : rng.int(pressureLow, pressureHigh),
      subjective: `${rng.pick(subjectivePhrases[trendWord])} Pain ${painText}.`,
      objective: `${fill(rng.pick(variant.findings), affected, rng)}${measured.length > 0 ? ` ${measured.join('; ')}.` : ''}`,
      assessment: `${isFirst ? 'Baseline recorded.' : rng.pick(assessmentPhrases[trendWord === 'first' ? 'same' : trendWord])} ${
        profile.childPain ? 'Settled during treatment.' : `Pain ${pre[0]} -> ${post[0]}/10 after treatment.`
      }`,
      plan: planText,
      observations,
      questionnaireResponses,
    });
  });

  // ---- diary: pain reported at home on a few evenings between visits
  const diary: Omit<RecordObservationInput, 'clientId' | 'seriesId'>[] = [];
  const attendedDates = dates.filter((_, v) => outcomes[v] === 'ATTENDED');
  const gaps = attendedDates.flatMap((date, i) => {
    const next = attendedDates[i + 1];
    return next && daysBetween(date, next) >= 2 ? [i] : [];
  });
  const primary = painSites[0] as { code: string; side: Side | null };
  for (const i of profile.childPain ? [] : rng.sample(gaps, Math.min(gaps.length, rng.int(2, 4))).sort((a, b) => a - b)) {
    const from = attendedDates[i] as string;
    const to = attendedDates[i + 1] as string;
    const day = addDays(from, rng.int(1, daysBetween(from, to) - 1));
    const between = ((trend[i] as number) + (trend[i + 1] as number)) / 2;
    diary.push({
      measureCode: 'NPRS',
      value: pain(basePain + between + rng.pick([0, 0, 1])),
      regionCode: primary.code,
      side: primary.side,
      context: 'BETWEEN_SESSIONS',
      takenAt: zonedTime(day, rng.int(19 * 4, 21 * 4) * 15, clinic.timeZone),
    });
  }

  // ---- closing the series
  let close: CloseSeriesInput | null = null;
  if (choice.status !== 'ACTIVE') {
    const lastPre = (prePain[attendedCount - 1] as number[])[0];
    const outcomesText = [`Pain ${basePain} -> ${lastPre}/10`];
    for (const [code, values] of scores) {
      if (values.length > 1) outcomesText.push(`${code} ${values[0]} -> ${values[values.length - 1]}`);
    }
    const note =
      choice.status === 'COMPLETED'
        ? rng.pick(choice.conditionCode === 'CANCER_PALLIATIVE' ? dischargeNotes.completedPalliative : dischargeNotes.completed)
        : choice.conditionCode === 'CANCER_PALLIATIVE'
          ? rng.pick(dischargeNotes.discontinuedPalliative)
          : choice.trajectory === 'WORSENING'
            ? rng.pick(dischargeNotes.discontinuedWorse)
            : rng.pick(dischargeNotes.discontinued);
    close = {
      status: choice.status,
      endDate: dates[dates.length - 1] as string,
      dischargeReason: dischargeReasonOf(choice.status, choice.trajectory, choice.conditionCode),
      dischargeNote: `${note} ${outcomesText.join('; ')}.`,
    };
  }

  return {
    therapist: choice.therapist,
    trajectory: choice.trajectory,
    intake,
    start: {
      conditionCode: choice.conditionCode,
      goals,
      plannedSessions: planned,
      plannedSessionsPerWeek: perWeek,
      plannedMinutesPerSession: minutes,
      startDate: dates[0] as string,
    },
    sessions,
    diary,
    close,
    redFlagsClearedNote: null,
  };
}

/** Why a closed demo series ended, read off how it went (no random draw, so the rest of the plan is unchanged). */
function dischargeReasonOf(status: 'COMPLETED' | 'DISCONTINUED', trajectory: Trajectory, conditionCode: string): DischargeReason {
  if (status === 'COMPLETED') return trajectory === 'IMPROVING' ? 'GOALS_MET' : 'PLATEAU';
  if (trajectory === 'WORSENING') return 'REFERRED_ON';
  return conditionCode === 'CANCER_PALLIATIVE' ? 'CLIENT_CHOICE' : 'LOST_TO_FOLLOW_UP';
}

/** Weeks of gestation of the pregnant scope client at the anchor date: late second / early third trimester. */
const gestationWeeksAtAnchor = 33;

/**
 * One of the hand-made clients of the wider scope (see `scopeClients`), planned like a generated client from its
 * condition's profile, then given what its story needs: a pregnancy at intake, or a headache diary.
 */
function planScopeClient(rng: Random, scope: ScopeClient, anchorDate: string): PlannedClient {
  const clinic = clinicContents[scope.clinic] as ClinicContent;
  const base = profileByCode.get(scope.conditionCode) as ConditionProfile;
  const profile: ConditionProfile = scope.instrument ? { ...base, instrument: scope.instrument } : base;
  const ctx: ClientContext = {
    rng,
    clinic,
    sex: scope.sex,
    preferredTime: rng.pick(preferredTimes),
    researchConsent: scope.researchConsent,
  };
  const series = planSeries(
    ctx,
    {
      conditionCode: scope.conditionCode,
      profile,
      status: 'ACTIVE',
      trajectory: 'IMPROVING',
      therapist: scope.therapist,
      lastVisitBy: addDays(anchorDate, -rng.int(0, 2)),
    },
    { cancel: false, noShow: false },
  );
  const intake = series.intake;
  const intakeDay = localDateOf(intake.takenAt, clinic.timeZone);
  intake.conditionCodes = [scope.conditionCode];
  series.start.headlineMeasureCode = findCondition(scope.conditionCode)?.headlineMeasureCode ?? null;
  if (scope.key === 'PREGNANT') {
    const gestationWeeks = clamp(gestationWeeksAtAnchor - Math.floor(daysBetween(intakeDay, anchorDate) / 7), 14, 30);
    intake.pregnancy = {
      gestationWeeks,
      obstetricClearance: true,
      clearedOn: addDays(intakeDay, -rng.int(3, 10)),
      clearedBy: 'Hannah Brooks, registered midwife',
    };
    intake.contraindications = [
      ...(intake.contraindications ?? []),
      'Pregnancy: side-lying or semi-reclined positioning; no deep pressure on the legs (clot risk).',
    ];
  }
  if (scope.headacheDiary) addHeadacheDiary(rng, series);
  series.redFlagsClearedNote = (intake.redFlags ?? []).length > 0 ? `Cleared before treatment: ${(intake.redFlags ?? []).join(' ')}` : null;
  return {
    clinic: scope.clinic,
    client: {
      givenName: scope.givenName,
      familyName: scope.familyName,
      dateOfBirth: addDays(yearsBefore(anchorDate, scope.age), -rng.int(0, 364)),
      sex: scope.sex,
      email: scope.email,
      phone: clinic.phone(90 + scopeClients.indexOf(scope)),
      preferredLanguage: clinic.timeZone === 'Europe/London' ? 'en-GB' : 'en-CA',
    },
    series: [series],
  };
}

/**
 * The 4-week summary of a headache diary (Bendtsen et al. 2010: headache days, mean intensity, hours), reported by
 * the client and recorded at every fourth attended visit. It follows the visit's head pain: days about twice the
 * NPRS, intensity just under it, three to five hours a headache day.
 */
function addHeadacheDiary(rng: Random, series: PlannedSeries): void {
  const attended = series.sessions.filter((session) => session.attendance === 'ATTENDED');
  attended.forEach((session, i) => {
    if (i % 4 !== 0) return;
    const headPain = session.observations?.find((o) => o.measureCode === 'NPRS' && o.context === 'PRE_SESSION')?.value ?? 5;
    const days = clamp(Math.round(2.2 * headPain) + rng.int(-1, 1), 0, 28);
    const intensity = days === 0 ? 0 : roundTo(clamp(headPain - rng.float(0.3, 1.2), 1, 10), 1);
    const hours = roundTo(days * rng.float(3, 5), 1);
    const reported = { context: 'PRE_SESSION', reporter: 'CLIENT' } as const;
    session.observations = [
      ...(session.observations ?? []),
      { measureCode: 'HEADACHE_DAYS', value: days, ...reported },
      { measureCode: 'HEADACHE_INTENSITY', value: intensity, ...reported },
      { measureCode: 'HEADACHE_HOURS', value: hours, ...reported },
    ];
  });
}

/** The whole demo data set for `options`, as service inputs. Pure: no clock, no database. */
export function planDemoData(options: PlanOptions): DemoPlan {
  const rng = new Random(options.seed);
  const count = options.clients;
  for (const condition of conditionCatalog) {
    if (!profileByCode.has(condition.code)) throw new Error(`the demo seed has no profile for condition ${condition.code}`);
  }

  // Every condition of the general population twice, then the common ones more often.
  const pool = [...populationConditions, ...populationConditions];
  while (pool.length < count) pool.push(rng.weighted(extraConditionWeights));
  const conditions = rng.shuffle(pool).slice(0, count);

  // Which clients come back for a second episode, and the quota of trajectories over all series.
  const twoSeries = conditions.map(() => rng.chance(0.25));
  const seriesTotal = twoSeries.reduce((n, two) => n + (two ? 2 : 1), 0);
  const plateaus = Math.max(1, Math.round(seriesTotal * 0.16));
  const worsening = Math.max(1, Math.round(seriesTotal * 0.1));
  const trajectories = rng.shuffle<Trajectory>([
    ...Array.from({ length: plateaus }, () => 'PLATEAU' as const),
    ...Array.from({ length: worsening }, () => 'WORSENING' as const),
    ...Array.from({ length: Math.max(0, seriesTotal - plateaus - worsening) }, () => 'IMPROVING' as const),
  ]);

  // Statuses: the latest series is mostly active; earlier ones are closed.
  const statuses: SeriesStatus[][] = [];
  let t = 0;
  for (let c = 0; c < count; c++) {
    const list: SeriesStatus[] = [];
    const n = twoSeries[c] ? 2 : 1;
    for (let s = 0; s < n; s++) {
      const trajectory = trajectories[t + s] as Trajectory;
      const latest = s === n - 1;
      if (trajectory === 'WORSENING') list.push(latest && rng.chance(0.5) ? 'ACTIVE' : 'DISCONTINUED');
      else if (latest)
        list.push(
          rng.weighted<SeriesStatus>([
            ['ACTIVE', 65],
            ['COMPLETED', 23],
            ['DISCONTINUED', 12],
          ]),
        );
      else list.push(rng.chance(0.8) ? 'COMPLETED' : 'DISCONTINUED');
    }
    statuses.push(list);
    t += n;
  }
  // At least one completed improving course, so the demo shows a finished success story.
  const flat = statuses.flat();
  if (!flat.some((status, i) => status === 'COMPLETED' && trajectories[i] === 'IMPROVING')) {
    let i = 0;
    outer: for (const list of statuses) {
      for (let s = 0; s < list.length; s++, i++) {
        if (trajectories[i] === 'IMPROVING') {
          list[s] = 'COMPLETED';
          break outer;
        }
      }
    }
  }

  const clinicsPlan: PlannedClinic[] = clinicContents.map((clinic) => ({
    name: clinic.name,
    timeZone: clinic.timeZone,
    therapists: clinic.therapists.map((therapist) => ({ ...therapist })),
  }));
  const perClinic = Math.ceil(count / clinicContents.length);
  const usedNames = new Set<string>();
  const clientPlans: PlannedClient[] = [];
  const forced = { cancel: true, noShow: true };
  let trajectoryIndex = 0;

  for (let c = 0; c < count; c++) {
    const crng = rng.derive(c);
    const clinicIndex = Math.min(Math.floor(c / perClinic), clinicContents.length - 1);
    const clinic = clinicContents[clinicIndex] as ClinicContent;
    const indexInClinic = c - clinicIndex * perClinic;
    const conditionCode = conditions[c] as string;
    const profile = profileByCode.get(conditionCode) as ConditionProfile;

    // ---- the person
    const sex: Sex = crng.chance(0.03) ? 'OTHER' : crng.chance(profile.femaleShare) ? 'FEMALE' : 'MALE';
    const givenNames = sex === 'FEMALE' || (sex === 'OTHER' && crng.chance(0.5)) ? clinic.names.female : clinic.names.male;
    let givenName = crng.pick(givenNames);
    let familyName = crng.pick(clinic.names.family);
    while (usedNames.has(`${givenName} ${familyName}`)) {
      givenName = crng.pick(givenNames);
      familyName = crng.pick(clinic.names.family);
    }
    usedNames.add(`${givenName} ${familyName}`);
    const age = crng.int(Math.max(18, profile.age[0]), Math.min(85, profile.age[1]));
    const client: CreateClientInput = {
      givenName,
      familyName,
      dateOfBirth: addDays(yearsBefore(options.anchorDate, age), -crng.int(0, 364)),
      sex,
      email: crng.chance(0.85) ? `${asciiWord(givenName)}.${asciiWord(familyName)}@${clinic.emailDomain}` : null,
      phone: crng.chance(0.9) ? clinic.phone(c + 1) : null,
    };
    const ctx: ClientContext = {
      rng: crng,
      clinic,
      sex,
      preferredTime: crng.pick(preferredTimes),
      researchConsent: crng.chance(0.7),
    };

    // ---- the series, latest first (it is anchored on the anchor date), then earlier ones before it
    const clientStatuses = statuses[c] as SeriesStatus[];
    const n = clientStatuses.length;
    const mainTherapist = indexInClinic % clinic.therapists.length;
    const planned: PlannedSeries[] = [];
    let lastVisitBy = '';
    for (let s = n - 1; s >= 0; s--) {
      const status = clientStatuses[s] as SeriesStatus;
      const trajectory = trajectories[trajectoryIndex + s] as Trajectory;
      if (s === n - 1) {
        lastVisitBy = addDays(options.anchorDate, status === 'ACTIVE' ? -crng.int(0, 2) : -crng.int(7, 50));
      } else {
        const later = planned[0] as PlannedSeries;
        lastVisitBy = addDays(later.start.startDate, -crng.int(21, 80));
      }
      // An earlier episode is often the same problem coming back, sometimes another one.
      const seriesCondition = s === n - 1 || crng.chance(0.6) ? conditionCode : crng.pick(populationConditions);
      const series = planSeries(
        ctx,
        {
          conditionCode: seriesCondition,
          status,
          trajectory,
          therapist: s === n - 1 || crng.chance(0.7) ? mainTherapist : (mainTherapist + 1) % clinic.therapists.length,
          lastVisitBy,
        },
        forced,
      );
      if (series.sessions.some((session) => session.attendance === 'CANCELLED')) forced.cancel = false;
      if (series.sessions.some((session) => session.attendance === 'NO_SHOW')) forced.noShow = false;
      planned.unshift(series);
    }
    trajectoryIndex += n;
    clientPlans.push({ clinic: clinicIndex, client, series: planned });
  }

  const plan = {
    seed: options.seed,
    anchorDate: options.anchorDate,
    clinics: clinicsPlan,
    clients: clientPlans,
  };
  addOnboardingDetails(plan);
  // After the onboarding pass, whose generator walks the clients in order: the generated clients keep their details.
  plan.clients.push(...scopeClients.map((scope, i) => planScopeClient(rng.derive(count + i), scope, options.anchorDate)));
  return plan;
}
