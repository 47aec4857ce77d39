import { type FormEvent, useRef, useState } from 'react';
import { request } from '../../graphql/client';
import { ClientFormDocument, type ClientFormQuery, CreateClientDocument, UpdateClientDocument } from '../../graphql/generated/graphql';
import { useQuery } from '../../graphql/use-query';
import { createKeyRing } from '../forms/field-errors';
import { FormProblem, SelectField, TextAreaField, TextField } from '../forms/fields';
import { useSubmission } from '../forms/use-submission';
import { Link, useRouter } from '../router';
import { ErrorMessage, Loading } from '../status';
import { buildClientInput, type ClientDraft, clientControls, emptyClientDraft, clientControlIds as ids } from './client-input';
import { clientPath, referralSourceChoices, sexChoices } from './onboarding-labels';

const forbidden = 'Your account may not change client records: ask a therapist or the clinic admin.';

/** "New client" (no id) or "Edit client": one form for both. */
export default function ClientFormPage({ clientId }: { clientId?: string }) {
  if (!clientId) return <ClientForm client={null} />;
  return <EditClient clientId={clientId} />;
}

function EditClient({ clientId }: { clientId: string }) {
  const query = useQuery(ClientFormDocument, { id: clientId });
  if (query.status === 'loading') return <Loading>Loading the client…</Loading>;
  if (query.status === 'error') return <ErrorMessage message={query.message} onRetry={query.retry} />;
  return <ClientForm client={query.data.client} />;
}

function draftOf(client: ClientFormQuery['client']): ClientDraft {
  const referral = client.referral;
  return {
    givenName: client.givenName,
    familyName: client.familyName,
    dateOfBirth: client.dateOfBirth,
    sex: client.sex,
    email: client.email ?? '',
    phone: client.phone ?? '',
    preferredLanguage: client.preferredLanguage ?? '',
    referralSource: referral?.source ?? '',
    clinicianName: referral?.clinicianName ?? '',
    organisation: referral?.organisation ?? '',
    contact: referral?.contact ?? '',
    reason: referral?.reason ?? '',
    referredOn: referral?.referredOn ?? '',
  };
}

/** Names, birth date, contact, language and who referred the client. */
export function ClientForm({ client }: { client: ClientFormQuery['client'] | null }) {
  const { navigate } = useRouter();
  const [draft, setDraft] = useState<ClientDraft>(() => (client ? draftOf(client) : emptyClientDraft));
  const { sending, error, summary, submit } = useSubmission(forbidden);
  const keys = useRef(createKeyRing());
  const set = (change: Partial<ClientDraft>) => setDraft((current) => ({ ...current, ...change }));
  const text = (field: keyof typeof ids) => ({
    id: ids[field],
    value: draft[field],
    onChange: (value: string) => set({ [field]: value } as Partial<ClientDraft>),
    error,
  });

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const input = buildClientInput(draft, client !== null);
    let id = client?.id ?? '';
    const sent = await submit(async () => {
      if (client) await request(UpdateClientDocument, { id: client.id, input });
      else id = (await request(CreateClientDocument, { input, idempotencyKey: keys.current.keyFor(input) })).createClient.id;
    }, clientControls);
    if (sent) navigate(clientPath(id));
  }

  const title = client ? `Edit ${client.displayName}` : 'New client';
  const referred = draft.referralSource !== '';
  return (
    <form className="panel entry-form" onSubmit={onSubmit} noValidate>
      <p className="breadcrumb">
        {client ? <Link to={clientPath(client.id)}>← {client.displayName}</Link> : <Link to="/clients">← All clients</Link>}
      </p>
      <h1>{title}</h1>
      <FormProblem error={error} summary={summary} what={client ? 'The changes were not saved.' : 'The client was not added.'} />

      <fieldset>
        <legend>Client</legend>
        <div className="field-row">
          <TextField {...text('givenName')} label="Given name" autoComplete="off" required maxLength={100} />
          <TextField {...text('familyName')} label="Family name" autoComplete="off" required maxLength={100} />
        </div>
        <div className="field-row">
          <TextField {...text('dateOfBirth')} label="Date of birth" type="date" required />
          <SelectField {...text('sex')} label="Sex" options={Object.entries(sexChoices)} />
        </div>
        <div className="field-row">
          <TextField {...text('email')} label="Email" type="email" autoComplete="off" spellCheck={false} />
          <TextField {...text('phone')} label="Phone" type="tel" autoComplete="off" maxLength={40} />
        </div>
        <TextField
          {...text('preferredLanguage')}
          label="Preferred language"
          hint="A language tag, e.g. en, fr-CA, es."
          autoComplete="off"
          spellCheck={false}
          list="language-tags"
        />
        <datalist id="language-tags">
          {['en', 'en-CA', 'fr', 'fr-CA', 'es', 'pt', 'zh', 'ar', 'pa', 'tl'].map((tag) => (
            <option key={tag} value={tag} />
          ))}
        </datalist>
      </fieldset>

      <fieldset>
        <legend>Referral</legend>
        <SelectField
          {...text('referralSource')}
          label="Referred by"
          options={[
            ['', client?.referral ? 'Keep the recorded referral' : 'No referral recorded'],
            ...Object.entries(referralSourceChoices),
          ]}
        />
        {referred && (
          <>
            <div className="field-row">
              <TextField
                {...text('clinicianName')}
                label={`Referring clinician's name${draft.referralSource === 'SELF' ? ' (optional)' : ''}`}
                autoComplete="off"
              />
              <TextField {...text('organisation')} label="Organisation" autoComplete="off" />
            </div>
            <TextField {...text('contact')} label="Clinician's contact" hint="Phone, email or address." autoComplete="off" />
            <TextAreaField {...text('reason')} label="Reason for referral" rows={2} />
            <TextField {...text('referredOn')} label="Referral date" type="date" />
          </>
        )}
      </fieldset>

      <button type="submit" className="button" disabled={sending}>
        {sending ? 'Saving…' : client ? 'Save the changes' : 'Add the client'}
      </button>
    </form>
  );
}
