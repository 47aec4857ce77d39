import { type FormEvent, useId, useState } from 'react';
import { request } from '../../graphql/client';
import {
  ClinicSettingsDocument,
  type ClinicSettingsFieldsFragment,
  SetResearchParticipationDocument,
  UpdateClinicSettingsDocument,
} from '../../graphql/generated/graphql';
import { useQuery } from '../../graphql/use-query';
import { formatDay } from '../account/paths';
import { CheckField, FormProblem, SelectField, TextField } from '../forms/fields';
import { useSubmission } from '../forms/use-submission';
import { ErrorMessage, Loading } from '../status';

const forbidden = 'Only the clinic admin changes the clinic’s settings.';
const ids = {
  name: 'clinic-name',
  timeZone: 'clinic-time-zone',
  locale: 'clinic-locale',
  noChangeAfterSessions: 'clinic-no-change-after',
  clientApiTokensAllowed: 'clinic-client-api-tokens',
  research: 'clinic-research',
} as const;
const controls = new Map<string, string>(Object.entries(ids));

/** Every IANA zone the browser knows, with the current one kept even if this browser lacks it. */
function zones(current: string): string[] {
  const known = Intl.supportedValuesOf('timeZone');
  return known.includes(current) ? known : [current, ...known];
}

export default function ClinicSettingsPage() {
  const query = useQuery(ClinicSettingsDocument, {});
  if (query.status === 'loading') return <Loading>Loading the settings…</Loading>;
  if (query.status === 'error') return <ErrorMessage message={query.message} onRetry={query.retry} />;
  const clinic = query.data.viewer.clinic;
  if (!clinic) return <ErrorMessage message="This account belongs to no clinic." />;
  return <ClinicSettingsForm clinic={clinic} />;
}

/**
 * The admin's clinic settings: name, time zone, locale, the caseload's threshold, client API tokens and research
 * participation (invites are on the accounts page).
 */
export function ClinicSettingsForm({ clinic }: { clinic: ClinicSettingsFieldsFragment }) {
  const headingId = useId();
  const [saved, setSaved] = useState(clinic);
  const [draft, setDraft] = useState({
    name: clinic.name,
    timeZone: clinic.timeZone,
    locale: clinic.locale,
    noChangeAfterSessions: String(clinic.noChangeAfterSessions),
  });
  const [clientTokens, setClientTokens] = useState(clinic.clientApiTokensAllowed);
  const [research, setResearch] = useState(clinic.researchParticipationSince !== null && clinic.researchParticipationSince !== undefined);
  const [done, setDone] = useState(false);
  const { sending, error, summary, submit } = useSubmission(forbidden);
  const field = (name: keyof typeof draft) => ({
    id: ids[name],
    value: draft[name],
    onChange: (value: string) => {
      setDone(false);
      setDraft((current) => ({ ...current, [name]: value }));
    },
    error,
  });

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const input = {
      name: draft.name.trim(),
      timeZone: draft.timeZone,
      locale: draft.locale.trim(),
      noChangeAfterSessions: Number(draft.noChangeAfterSessions) || 0,
      clientApiTokensAllowed: clientTokens,
    };
    await submit(async () => {
      let next = (await request(UpdateClinicSettingsDocument, { input })).updateClinicSettings;
      // Research participation is its own (audited) mutation: sent only when it changes.
      const wasIn = next.researchParticipationSince !== null && next.researchParticipationSince !== undefined;
      if (research !== wasIn) next = (await request(SetResearchParticipationDocument, { optIn: research })).setResearchParticipation;
      setSaved(next);
      setDone(true);
    }, controls);
  }

  const zoneMoves = draft.timeZone !== saved.timeZone;
  return (
    <form className="panel entry-form" onSubmit={onSubmit} noValidate aria-labelledby={headingId}>
      <h1 id={headingId}>Clinic settings</h1>
      <FormProblem error={error} summary={summary} what="The settings were not saved." />
      <TextField {...field('name')} label="Clinic name" required maxLength={200} autoComplete="organization" />
      <SelectField
        {...field('timeZone')}
        label="Time zone"
        hint="Changing the time zone does not move any recorded time (a visit at 09:30 stays the same instant); it changes which calendar day times count on, e.g. for visit dates, weeks of a series and attendance."
        options={zones(saved.timeZone).map((z) => [z, z.replaceAll('_', ' ')] as const)}
      />
      {zoneMoves && (
        <p className="status" role="status">
          From {saved.timeZone.replaceAll('_', ' ')} to {draft.timeZone.replaceAll('_', ' ')}: recorded times stay as they are; days are
          counted in the new zone once you save.
        </p>
      )}
      <TextField
        {...field('locale')}
        label="Locale"
        hint="A language tag for dates and numbers, e.g. en-CA, fr-CA."
        spellCheck={false}
        autoComplete="off"
      />
      <TextField
        {...field('noChangeAfterSessions')}
        label="Flag “no meaningful change” after this many attended sessions"
        type="number"
        inputMode="numeric"
        min={2}
        max={52}
      />
      <fieldset className="settings-group">
        <legend>API tokens of clients</legend>
        <CheckField
          id={ids.clientApiTokensAllowed}
          label="Let clients make personal API tokens for their own record"
          checked={clientTokens}
          onChange={(checked) => {
            setDone(false);
            setClientTokens(checked);
          }}
          error={error}
        />
        <p className="hint">
          Off unless you turn it on. A client’s token reads what their portal shows, lasts at most 30 days and stops after 30 days unused.
          Turning this off stops new tokens; tokens already made work until they expire or are revoked on the accounts page.
        </p>
      </fieldset>
      <fieldset className="settings-group">
        <legend>Research</legend>
        <CheckField
          id={ids.research}
          label="Take part in research: clients who consented count in researchers’ de-identified aggregates"
          checked={research}
          onChange={(checked) => {
            setDone(false);
            setResearch(checked);
          }}
          error={error}
        />
        <p className="hint">
          {saved.researchParticipationSince
            ? `Taking part since ${formatDay(saved.researchParticipationSince, saved.timeZone)}. Turning it off stops counting them at once.`
            : 'Not taking part. Researchers never see a person, only groups large enough that nobody can be singled out.'}
        </p>
      </fieldset>
      <button type="submit" className="button" disabled={sending}>
        {sending ? 'Saving…' : 'Save the settings'}
      </button>
      {done && (
        <p className="status status-ok" role="status">
          Settings saved.
        </p>
      )}
    </form>
  );
}
