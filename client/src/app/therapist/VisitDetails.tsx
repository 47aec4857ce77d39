import { type ReactNode, useId, useMemo } from 'react';
import type { CorrectionFragment, RecordStatus, RevisionFragment, Role } from '../../graphql/generated/graphql';
import { endSentence } from '../format';
import { AmendValueForm, CorrectionActions } from '../forms/CorrectionForms';
import { modalityLabels, sessionPressureLabels } from '../labels';
import { Link } from '../router';
import { attendanceMarks } from './ClientPage';
import {
  contextLabels,
  measuredValues,
  placeLabel,
  type Visit,
  type VisitData,
  type VisitQuestionnaire,
  type VisitValue,
  visitWhen,
  withUnit,
} from './visit-history';

/** The catalogs a visit is read with: measure, region and questionnaire names by code. */
export interface VisitCatalog {
  measures: ReadonlyMap<string, VisitData['measures'][number]>;
  regions: ReadonlyMap<string, string>;
  instruments: ReadonlyMap<string, VisitData['instruments'][number]>;
}

export function useVisitCatalog(data: VisitData): VisitCatalog {
  return useMemo(
    () => ({
      measures: new Map(data.measures.map((m) => [m.code, m])),
      regions: new Map(data.bodyRegions.map((r) => [r.code, r.name])),
      instruments: new Map(data.instruments.map((i) => [i.code, i])),
    }),
    [data],
  );
}

/** The corrections a page offers; each resolves once the server accepted it and the page shows the result. */
export interface VisitCorrections {
  voidSession(id: string, reason: string): Promise<void>;
  voidValue(id: string, reason: string): Promise<void>;
  amendValue(id: string, value: number, reason: string): Promise<void>;
  voidQuestionnaire(id: string, reason: string): Promise<void>;
}

/** What every correctable record carries: its status, who voided it, and its earlier versions. */
type Corrected = { status: RecordStatus; enteredInError?: CorrectionFragment | null; revisions: readonly RevisionFragment[] };

/** The server names changed fields as in the API; the common ones in words (others as named). */
const fieldWords: Record<string, string> = { value: 'value', regionCode: 'region', side: 'side', takenAt: 'taken at', score: 'score' };

const roleWords: Record<Role, string> = { ADMIN: 'clinic admin', THERAPIST: 'therapist', CLIENT: 'client', RESEARCHER: 'researcher' };

function when(at: string, timeZone: string | undefined): string {
  return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short', ...(timeZone ? { timeZone } : {}) }).format(
    new Date(at),
  );
}

/** Struck through when entered in error: `<del>` for those who see styles, the words for everyone. */
function Struck({ record, children }: { record: Corrected; children: ReactNode }) {
  return record.status === 'ENTERED_IN_ERROR' ? <del>{children}</del> : children;
}

/** Who voided or amended a record, when and why, and every earlier version (before → after). */
export function CorrectionNotes({ record, timeZone }: { record: Corrected; timeZone: string | undefined }) {
  const amendments = record.revisions.filter((r) => r.kind === 'AMENDED');
  const voided = record.enteredInError;
  if (!voided && amendments.length === 0) return null;
  return (
    <div className="correction-notes">
      {voided && (
        <p className="voided-note">
          <strong>Entered in error</strong> by {voided.byName} ({roleWords[voided.byRole]}), {endSentence(when(voided.at, timeZone))}{' '}
          Reason: {voided.reason}
        </p>
      )}
      {amendments.length > 0 && (
        <details className="revisions" open>
          <summary>Amended: {amendments.length === 1 ? 'earlier version' : `${amendments.length} earlier versions`}</summary>
          <ol>
            {amendments.map((revision) => (
              <li key={`${revision.at}-${revision.reason}`}>
                {when(revision.at, timeZone)}, {revision.byName} ({roleWords[revision.byRole]}). Reason: {revision.reason}
                <ul>
                  {/* The status is told by the badge; the list keeps the record's own fields. */}
                  {revision.changes
                    .filter((change) => change.field !== 'status')
                    .map((change) => (
                      <li key={change.field}>
                        {fieldWords[change.field] ?? change.field}: {change.before ?? '(none)'} → {change.after ?? '(none)'}
                      </li>
                    ))}
                </ul>
              </li>
            ))}
          </ol>
        </details>
      )}
    </div>
  );
}

function StatusBadge({ record }: { record: Corrected }) {
  if (record.status === 'ENTERED_IN_ERROR') return <span className="badge badge-voided">Entered in error</span>;
  if (record.status === 'AMENDED') return <span className="badge badge-amended">Amended</span>;
  return null;
}

const contextOrder = ['PRE_SESSION', 'POST_SESSION', 'BETWEEN_SESSIONS'];

/** One visit in full: attendance, treatment, values before and after, questionnaires, SOAP note, corrections. */
export function VisitCard({
  visit,
  catalog,
  timeZone,
  link,
  corrections,
}: {
  visit: Visit;
  catalog: VisitCatalog;
  timeZone: string | undefined;
  /** The visit's own page, when the card is one of a list. */
  link?: string;
  corrections?: VisitCorrections;
}) {
  const headingId = useId();
  const title = visitWhen(visit.startedAt, timeZone);
  const attendance = attendanceMarks[visit.attendance];
  const voided = visit.status === 'ENTERED_IN_ERROR';
  // Corrections apply to current records only: a voided visit's values went with it.
  const correctable = corrections && !voided ? corrections : undefined;
  const values = measuredValues(visit);
  const byMeasure = new Map<string, VisitValue[]>();
  for (const o of values) byMeasure.set(o.measureCode, [...(byMeasure.get(o.measureCode) ?? []), o]);
  const soap = visit.soap;
  const soapParts = [
    ['Subjective', soap?.subjective],
    ['Objective', soap?.objective],
    ['Assessment', soap?.assessment],
    ['Plan', soap?.plan],
  ] as const;

  return (
    <article className={`visit-card${voided ? ' visit-voided' : ''}`} aria-labelledby={headingId}>
      <header className="visit-head">
        <h2 id={headingId}>
          <Struck record={visit}>
            <time dateTime={visit.startedAt}>{link ? <Link to={link}>{title}</Link> : title}</time>
          </Struck>
        </h2>
        <p className="visit-meta">
          <span aria-hidden="true">{attendance.mark} </span>
          {attendance.label.charAt(0).toUpperCase() + attendance.label.slice(1)}
          {visit.attendance === 'ATTENDED' && ` · ${visit.durationMinutes} min hands-on`} <StatusBadge record={visit} />
        </p>
      </header>
      <CorrectionNotes record={visit} timeZone={timeZone} />
      {correctable && (
        <CorrectionActions
          subject={`the visit of ${title}`}
          voidLabel="Mark entered in error"
          note="Its values and questionnaires are marked entered in error with it."
          onVoid={({ reason }) => correctable.voidSession(visit.id, reason)}
        />
      )}

      <Struck record={visit}>
        {visit.attendance === 'ATTENDED' && (
          <dl className="facts visit-facts">
            <dt>Modalities</dt>
            <dd>{visit.modalities.length ? visit.modalities.map((m) => modalityLabels[m]).join(', ') : 'not recorded'}</dd>
            <dt>Pressure</dt>
            <dd>{visit.pressure ? (sessionPressureLabels[visit.pressure - 1] ?? visit.pressure) : 'not recorded'}</dd>
            <dt>Regions treated</dt>
            <dd>
              {visit.regions.length === 0
                ? 'not recorded'
                : visit.regions
                    .map((r) => `${placeLabel(r.regionCode, r.side, catalog.regions)}${r.minutes ? `, ${r.minutes} min` : ''}`)
                    .join('; ')}
            </dd>
          </dl>
        )}
      </Struck>

      {byMeasure.size > 0 && (
        <section className="visit-section">
          <h3>Values</h3>
          {[...byMeasure].map(([code, observations]) => {
            const measure = catalog.measures.get(code);
            const sorted = [...observations].sort(
              (a, b) =>
                (placeLabel(a.regionCode, a.side, catalog.regions) ?? '').localeCompare(
                  placeLabel(b.regionCode, b.side, catalog.regions) ?? '',
                ) || contextOrder.indexOf(a.context) - contextOrder.indexOf(b.context),
            );
            return (
              <div key={code} className="visit-measure">
                <h4>{measure?.name ?? code}</h4>
                <ul className="visit-values">
                  {sorted.map((o) => {
                    const where = placeLabel(o.regionCode, o.side, catalog.regions);
                    const text = `${where ? `${where}, ` : ''}${contextLabels[o.context]}: ${withUnit(o.value, measure)}`;
                    return (
                      <li key={o.id} className={o.status === 'ENTERED_IN_ERROR' ? 'record-voided' : undefined}>
                        <Struck record={o}>{text}</Struck> <StatusBadge record={o} />
                        <CorrectionNotes record={o} timeZone={timeZone} />
                        {correctable && o.status !== 'ENTERED_IN_ERROR' && (
                          <CorrectionActions
                            subject={`${measure?.name ?? code}, ${text}`}
                            voidLabel="Entered in error"
                            onVoid={({ reason }) => correctable.voidValue(o.id, reason)}
                            {...(measure
                              ? {
                                  amend: (close: () => void) => (
                                    <AmendValueForm
                                      subject={`${measure.name}, ${text}`}
                                      current={o.value}
                                      measure={measure}
                                      onSend={({ value, reason }) => correctable.amendValue(o.id, value, reason)}
                                      onClose={close}
                                    />
                                  ),
                                }
                              : {})}
                          />
                        )}
                      </li>
                    );
                  })}
                </ul>
              </div>
            );
          })}
        </section>
      )}

      {visit.questionnaireResponses.length > 0 && (
        <section className="visit-section">
          <h3>Questionnaires</h3>
          <ul className="visit-values">
            {visit.questionnaireResponses.map((r) => (
              <QuestionnaireLine key={r.id} response={r} catalog={catalog} timeZone={timeZone} corrections={correctable} />
            ))}
          </ul>
        </section>
      )}

      {soapParts.some(([, text]) => text) && (
        <section className="visit-section">
          <h3>SOAP note</h3>
          <Struck record={visit}>
            <dl className="soap">
              {soapParts.map(([label, text]) =>
                text ? (
                  <div key={label} className="soap-part">
                    <dt>{label}</dt>
                    <dd>{text}</dd>
                  </div>
                ) : null,
              )}
            </dl>
          </Struck>
        </section>
      )}
    </article>
  );
}

function QuestionnaireLine({
  response,
  catalog,
  timeZone,
  corrections,
}: {
  response: VisitQuestionnaire;
  catalog: VisitCatalog;
  timeZone: string | undefined;
  corrections: VisitCorrections | undefined;
}) {
  const instrument = catalog.instruments.get(response.instrumentCode);
  const scale = instrument ? catalog.measures.get(instrument.scoreMeasureCode) : undefined;
  const text = `${instrument?.name ?? response.instrumentCode}: score ${withUnit(response.score, scale)}`;
  return (
    <li className={response.status === 'ENTERED_IN_ERROR' ? 'record-voided' : undefined}>
      <Struck record={response}>
        {text}
        {response.missingItems > 0 && ` (${response.answeredItems} answered, ${response.missingItems} left out)`}
        {response.subscores.length > 0 && ` · ${response.subscores.map((s) => `${s.name} ${s.score}`).join(', ')}`}
      </Struck>{' '}
      <StatusBadge record={response} />
      <CorrectionNotes record={response} timeZone={timeZone} />
      {corrections && response.status !== 'ENTERED_IN_ERROR' && (
        <CorrectionActions
          subject={text}
          voidLabel="Entered in error"
          note="Answers are not amended here: mark this one entered in error and enter the questionnaire again."
          onVoid={({ reason }) => corrections.voidQuestionnaire(response.id, reason)}
        />
      )}
    </li>
  );
}
