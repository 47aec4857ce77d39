import { type FormEvent, useState } from 'react';
import type { AgeBand, CohortFilterInput, ResearchCatalogsQuery, Sex } from '../../graphql/generated/graphql';
import { FieldError } from '../forms/FieldError';
import { errorProps, type FormError } from '../forms/field-errors';
import { modalityLabels } from '../labels';
import { ageBandLabel, ageBandOrder, buildCohortFilter, type CohortDraft, cohortControlIds } from './cohort-filter';

const sexLabels: Record<Sex, string> = { FEMALE: 'Female', MALE: 'Male', OTHER: 'Other', UNKNOWN: 'Unknown' };
const id = (field: keyof CohortDraft) => cohortControlIds.get(field) ?? field;

export interface CohortQuery {
  measureCode: string;
  filter: CohortFilterInput;
}

/**
 * The cohort builder: a measure and every filter the API offers, all optional but the measure.
 * A problem (a bound out of range, a minimum above its maximum) shows at its input; nothing typed is lost.
 */
export function CohortForm({
  catalogs,
  initial,
  onSubmit,
}: {
  catalogs: ResearchCatalogsQuery;
  initial: CohortDraft;
  onSubmit: (query: CohortQuery) => void;
}) {
  const [draft, setDraft] = useState(initial);
  const [error, setError] = useState<FormError | null>(null);
  const update = (change: Partial<CohortDraft>) => setDraft((current) => ({ ...current, ...change }));

  function submit(event: FormEvent) {
    event.preventDefault();
    const built = buildCohortFilter(draft);
    if ('error' in built) {
      setError(built.error);
      if (built.error.controlId) document.getElementById(built.error.controlId)?.focus();
      return;
    }
    setError(null);
    onSubmit({ measureCode: draft.measureCode, filter: built.filter });
  }

  /** A choice among `options` ([value, words]); `anyLabel` names the empty choice, where there is one. */
  const selectField = (
    field: 'measureCode' | 'conditionCode' | 'sex' | 'clinicId' | 'modality',
    label: string,
    anyLabel: string | null,
    options: readonly (readonly [string, string])[],
  ) => (
    <label className="field" htmlFor={id(field)}>
      {label}
      <select id={id(field)} value={draft[field]} onChange={(e) => update({ [field]: e.target.value })}>
        {anyLabel !== null && <option value="">{anyLabel}</option>}
        {options.map(([value, words]) => (
          <option key={value} value={value}>
            {words}
          </option>
        ))}
      </select>
    </label>
  );

  // The error sits outside the label: the input's name stays its label, the message is its description.
  const numberField = (field: keyof CohortDraft, label: string, step: string) => (
    <div className="field">
      <label htmlFor={id(field)}>{label}</label>
      <input
        id={id(field)}
        type="number"
        inputMode="decimal"
        min="0"
        step={step}
        value={String(draft[field])}
        onChange={(e) => update({ [field]: e.target.value })}
        {...errorProps(id(field), error)}
      />
      <FieldError controlId={id(field)} error={error} />
    </div>
  );

  return (
    <form className="panel cohort-form" aria-labelledby="cohort-heading" onSubmit={submit} noValidate>
      <h2 id="cohort-heading">Cohort</h2>
      <p className="hint">Clients who gave research consent, across all clinics, one series each. Leave a filter empty for "any".</p>
      <div className="field-row">
        {selectField(
          'measureCode',
          'Outcome measure',
          null,
          catalogs.measures.map((m) => [m.code, m.name]),
        )}
        {selectField(
          'conditionCode',
          'Condition',
          'Any condition',
          catalogs.conditions.map((c) => [c.code, c.name]),
        )}
        {selectField('sex', 'Sex', 'Any', Object.entries(sexLabels))}
        {selectField(
          'clinicId',
          'Clinic',
          'All clinics',
          catalogs.researchClinics.map((c) => [c.id, c.name]),
        )}
      </div>

      <fieldset className="choices" id={id('ageBands')} tabIndex={-1}>
        <legend>Age at the series start (any of those chosen; none chosen: every age)</legend>
        {ageBandOrder.map((band: AgeBand) => (
          <label key={band} className="choice">
            <input
              type="checkbox"
              checked={draft.ageBands.includes(band)}
              onChange={(e) =>
                update({ ageBands: e.target.checked ? [...draft.ageBands, band] : draft.ageBands.filter((b) => b !== band) })
              }
            />
            {ageBandLabel(band)}
          </label>
        ))}
      </fieldset>

      <div className="field-row">
        {selectField('modality', 'Modality', 'Any modality', Object.entries(modalityLabels))}
        <fieldset className="choices" id={id('modalityMatch')} disabled={draft.modality === ''}>
          <legend>The modality was</legend>
          <label className="choice">
            <input
              type="radio"
              name="modality-match"
              checked={draft.modalityMatch === 'ANY'}
              onChange={() => update({ modalityMatch: 'ANY' })}
            />
            used at any visit
          </label>
          <label className="choice">
            <input
              type="radio"
              name="modality-match"
              checked={draft.modalityMatch === 'MAIN'}
              onChange={() => update({ modalityMatch: 'MAIN' })}
            />
            the main one (most minutes)
          </label>
        </fieldset>
      </div>

      <div className="field-row">
        {numberField('minAttendedSessions', 'Attended visits, at least', '1')}
        {numberField('maxAttendedSessions', 'Attended visits, at most', '1')}
        {numberField('minPlannedSessionsPerWeek', 'Planned visits a week, at least', '0.5')}
        {numberField('maxPlannedSessionsPerWeek', 'Planned visits a week, at most', '0.5')}
      </div>
      <div className="field-row">
        {(['startMonthFrom', 'startMonthTo'] as const).map((field) => (
          <div key={field} className="field">
            <label htmlFor={id(field)}>
              {field === 'startMonthFrom' ? 'Series started in or after (month)' : 'Series started in or before (month)'}
            </label>
            <input
              id={id(field)}
              type="month"
              value={draft[field]}
              onChange={(e) => update({ [field]: e.target.value })}
              {...errorProps(id(field), error)}
            />
            <FieldError controlId={id(field)} error={error} />
          </div>
        ))}
      </div>
      <div className="actions">
        <button type="submit" className="button">
          Show outcomes
        </button>
      </div>
    </form>
  );
}
