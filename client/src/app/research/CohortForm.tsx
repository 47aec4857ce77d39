import { type FormEvent, useState } from 'react';
import type { AgeBand, CohortFilterInput, ResearchCatalogsQuery, Sex } from '../../graphql/generated/graphql';
import { FieldError } from '../forms/FieldError';
import { errorProps, type FormError } from '../forms/field-errors';
import { modalityLabels } from '../labels';
import { ageBandLabel, ageBandOrder, buildCohortFilter, type CohortDraft, cohortControlIds } from './cohort-filter';

const sexLabels: Record<Sex, string> = { FEMALE: 'Female', MALE: 'Male', OTHER: 'Other', UNKNOWN: 'Unknown' };

export interface CohortQuery {
  measureCode: string;
  filter: CohortFilterInput;
}

type SelectField = 'measureCode' | 'conditionCode' | 'sex' | 'clinicId' | 'modality';

/** A choice among `options` ([value, words]); `anyLabel` names the empty choice, where there is one. */
function SelectInput({
  controlId,
  label,
  anyLabel,
  options,
  value,
  onChange,
}: {
  controlId: string;
  label: string;
  anyLabel: string | null;
  options: readonly (readonly [string, string])[];
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <label className="field" htmlFor={controlId}>
      {label}
      <select id={controlId} value={value} onChange={(e) => onChange(e.target.value)}>
        {anyLabel !== null && <option value="">{anyLabel}</option>}
        {options.map(([option, words]) => (
          <option key={option} value={option}>
            {words}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The outcome measure chooser, shared by the explorer and the comparison. */
export function MeasureSelect({
  catalogs,
  value,
  onChange,
  controlId = cohortControlIds.get('measureCode') ?? 'measureCode',
}: {
  catalogs: ResearchCatalogsQuery;
  value: string;
  onChange: (code: string) => void;
  controlId?: string;
}) {
  return (
    <SelectInput
      controlId={controlId}
      label="Outcome measure"
      anyLabel={null}
      options={catalogs.measures.map((m) => [m.code, m.name])}
      value={value}
      onChange={onChange}
    />
  );
}

/**
 * Every filter the API offers, all optional. `idPrefix` keeps the ids of two filter sets on one page
 * apart (the comparison); a problem shows at its input.
 */
export function CohortFilterFields({
  catalogs,
  draft,
  update,
  error,
  idPrefix = '',
}: {
  catalogs: ResearchCatalogsQuery;
  draft: CohortDraft;
  update: (change: Partial<CohortDraft>) => void;
  error: FormError | null;
  idPrefix?: string;
}) {
  const id = (field: keyof CohortDraft) => `${idPrefix}${cohortControlIds.get(field) ?? field}`;
  const selectField = (field: SelectField, label: string, anyLabel: string | null, options: readonly (readonly [string, string])[]) => (
    <SelectInput
      controlId={id(field)}
      label={label}
      anyLabel={anyLabel}
      options={options}
      value={draft[field]}
      onChange={(value) => update({ [field]: value })}
    />
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
    <>
      <div className="field-row">
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
              name={`${idPrefix}modality-match`}
              checked={draft.modalityMatch === 'ANY'}
              onChange={() => update({ modalityMatch: 'ANY' })}
            />
            used at any visit
          </label>
          <label className="choice">
            <input
              type="radio"
              name={`${idPrefix}modality-match`}
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
    </>
  );
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

  return (
    <form className="panel cohort-form" aria-labelledby="cohort-heading" onSubmit={submit} noValidate>
      <h2 id="cohort-heading">Cohort</h2>
      <p className="hint">Clients who gave research consent, across all clinics, one series each. Leave a filter empty for "any".</p>
      <div className="field-row">
        <MeasureSelect catalogs={catalogs} value={draft.measureCode} onChange={(measureCode) => update({ measureCode })} />
      </div>
      <CohortFilterFields catalogs={catalogs} draft={draft} update={update} error={error} />
      <div className="actions">
        <button type="submit" className="button">
          Show outcomes
        </button>
      </div>
    </form>
  );
}
