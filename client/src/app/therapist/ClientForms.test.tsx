import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { ClientFormQuery, IntakeFormQuery } from '../../graphql/generated/graphql';
import { answeringFetch, badInput } from '../../test/answering-fetch';
import { Router } from '../router';
import ClientFormPage from './ClientFormPage';
import { IntakeForm } from './IntakeFormPage';

let api: ReturnType<typeof answeringFetch>;

const existing: ClientFormQuery = {
  client: {
    id: 'c1',
    displayName: 'Ada Lovelace',
    givenName: 'Ada',
    familyName: 'Lovelace',
    dateOfBirth: '1980-12-10',
    sex: 'FEMALE',
    email: 'ada@example.org',
    phone: null,
    preferredLanguage: 'en',
    referral: {
      source: 'PHYSICIAN',
      clinicianName: 'Dr Roy',
      organisation: 'Main St Clinic',
      contact: null,
      reason: 'Neck pain',
      referredOn: '2026-11-02',
    },
  },
};

beforeEach(() => {
  api = answeringFetch();
  vi.stubGlobal('fetch', api.fetch);
  window.history.replaceState(null, '', '/clients/new');
});
afterEach(() => {
  vi.unstubAllGlobals();
});

const type = (label: string | RegExp, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });

describe('new client', () => {
  test('sends the details and the referral; a refusal shows at its input; success opens the client page', async () => {
    render(
      <Router>
        <ClientFormPage />
      </Router>,
    );
    type('Given name', ' Grace ');
    type('Family name', 'Hopper');
    type('Date of birth', '1985-01-02');
    type('Sex', 'FEMALE');
    type('Email', 'grace@example.org');
    type(/^Preferred language/, 'fr-CA');
    // The referral's fields appear once a source is chosen.
    expect(screen.queryByLabelText(/Referring clinician/)).toBeNull();
    type('Referred by', 'PHYSIOTHERAPIST');
    type('Organisation', 'Harbour Physio');
    type('Reason for referral', 'Low back pain after lifting');
    type('Referral date', '2026-11-20');

    api.queue(
      'CreateClient',
      badInput('referral.clinicianName', 'required-unless-self', 'is required unless the client referred themselves'),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Add the client' }));
    const clinician = screen.getByLabelText("Referring clinician's name") as HTMLInputElement;
    await waitFor(() => expect(clinician.getAttribute('aria-invalid')).toBe('true'));
    expect(document.getElementById('client-clinicianName-error')?.textContent).toBe('⚠ Is required unless the client referred themselves.');
    await waitFor(() => expect(document.activeElement).toBe(clinician));
    expect(screen.getByText('The client was not added. One detail needs changing (marked below).')).toBeTruthy();
    expect((screen.getByLabelText('Organisation') as HTMLInputElement).value).toBe('Harbour Physio');

    fireEvent.change(clinician, { target: { value: 'Sam Lee' } });
    api.queue('CreateClient', { data: { createClient: { id: 'c9' } } });
    fireEvent.click(screen.getByRole('button', { name: 'Add the client' }));
    await waitFor(() => expect(window.location.pathname).toBe('/clients/c9'));

    const [first, second] = api.sent('CreateClient');
    expect(second).toEqual({
      input: {
        givenName: 'Grace',
        familyName: 'Hopper',
        dateOfBirth: '1985-01-02',
        sex: 'FEMALE',
        email: 'grace@example.org',
        phone: null,
        preferredLanguage: 'fr-CA',
        referral: {
          source: 'PHYSIOTHERAPIST',
          clinicianName: 'Sam Lee',
          organisation: 'Harbour Physio',
          contact: null,
          reason: 'Low back pain after lifting',
          referredOn: '2026-11-20',
        },
      },
      idempotencyKey: expect.any(String),
    });
    expect((first as { input: { referral: { clinicianName: unknown } } }).input.referral.clinicianName).toBeNull();
    // Changed input is a new submission: a new key.
    expect(second?.idempotencyKey).not.toBe(first?.idempotencyKey);
  });

  test('without a referral none is sent; a bad language tag is shown at its input', async () => {
    render(
      <Router>
        <ClientFormPage />
      </Router>,
    );
    type('Given name', 'Grace');
    type('Family name', 'Hopper');
    type('Date of birth', '1985-01-02');
    type(/^Preferred language/, 'english please');
    api.queue('CreateClient', badInput('preferredLanguage', 'language-tag', 'must be a language tag such as en or fr-CA'));
    fireEvent.click(screen.getByRole('button', { name: 'Add the client' }));
    const language = screen.getByLabelText(/^Preferred language/);
    await waitFor(() => expect(language.getAttribute('aria-invalid')).toBe('true'));
    expect(document.getElementById('client-preferredLanguage-error')?.textContent).toBe('⚠ Must be a language tag such as en or fr-CA.');
    expect(api.sent('CreateClient')[0]).toMatchObject({ input: { referral: null, sex: 'UNKNOWN', email: null } });
  });
});

describe('edit client', () => {
  test('opens filled in and sends the changes with the client id; blank email is sent as "" (clears it)', async () => {
    window.history.replaceState(null, '', '/clients/c1/edit');
    api.queue('ClientForm', { data: existing });
    render(
      <Router>
        <ClientFormPage clientId="c1" />
      </Router>,
    );
    expect(await screen.findByRole('heading', { name: 'Edit Ada Lovelace' })).toBeTruthy();
    expect((screen.getByLabelText("Referring clinician's name") as HTMLInputElement).value).toBe('Dr Roy');
    expect((screen.getByLabelText('Referred by') as HTMLSelectElement).value).toBe('PHYSICIAN');
    type('Email', '');
    type('Phone', '555-0100');
    api.queue('UpdateClient', { data: { updateClient: { id: 'c1' } } });
    fireEvent.click(screen.getByRole('button', { name: 'Save the changes' }));
    await waitFor(() => expect(window.location.pathname).toBe('/clients/c1'));
    expect(api.sent('UpdateClient')).toEqual([
      {
        id: 'c1',
        input: {
          givenName: 'Ada',
          familyName: 'Lovelace',
          dateOfBirth: '1980-12-10',
          sex: 'FEMALE',
          email: '',
          phone: '555-0100',
          preferredLanguage: 'en',
          referral: {
            source: 'PHYSICIAN',
            clinicianName: 'Dr Roy',
            organisation: 'Main St Clinic',
            contact: null,
            reason: 'Neck pain',
            referredOn: '2026-11-02',
          },
        },
      },
    ]);
  });
});

const intakeData: IntakeFormQuery = {
  client: { id: 'c1', displayName: 'Ada Lovelace' },
  conditions: [
    { code: 'NECK_PAIN', name: 'Neck pain' },
    { code: 'LOW_BACK_PAIN', name: 'Low back pain' },
  ],
  pregnancyCautions: [
    { code: 'PLACENTA_PREVIA', kind: 'CONTRAINDICATION', text: 'Placenta previa or placental abruption' },
    { code: 'DVT_SIGNS', kind: 'RED_FLAG', text: 'Calf or thigh pain, swelling, warmth or redness (suspected deep vein thrombosis)' },
  ],
};

describe('intake', () => {
  test('sends every part of the intake; a refused complaint date shows at that complaint', async () => {
    window.history.replaceState(null, '', '/clients/c1/intake');
    render(
      <Router>
        <IntakeForm data={intakeData} />
      </Router>,
    );
    type('Taken at', '2026-11-30T10:15');
    type('Chief complaints, in the client’s words', 'Neck stiff for months');
    type('Complaint 1', 'Neck stiffness');
    type('Began on', '2026-09-01');
    type('Onset', 'GRADUAL');
    fireEvent.click(screen.getByRole('button', { name: 'Add a complaint' }));
    type('Complaint 2', 'Headaches');
    const secondDate = screen.getAllByLabelText('Began on')[1] as HTMLInputElement;
    fireEvent.change(secondDate, { target: { value: '2027-01-01' } });
    fireEvent.click(screen.getByLabelText('Neck pain'));
    type('Medications', 'Warfarin');
    fireEvent.click(screen.getByRole('button', { name: 'Add contraindication' }));
    type('Contraindication 1', 'Anticoagulants: light pressure only');
    fireEvent.click(screen.getByRole('button', { name: 'Add red flag' }));
    fireEvent.click(screen.getByRole('button', { name: 'Add red flag' }));
    type('Red flag 1', 'Unexplained weight loss');
    // A blank red flag is left out.
    type('Goals', 'Turn head to drive');
    fireEvent.click(within(screen.getByRole('group', { name: 'Pressure preferred' })).getByLabelText('Light'));
    fireEvent.click(within(screen.getByRole('group', { name: 'Pain tolerance' })).getByLabelText('Low'));
    fireEvent.click(screen.getByLabelText('The client gave informed consent to treatment'));
    fireEvent.click(screen.getByLabelText('The client consents to sharing their progress with the referring clinician'));

    api.queue('RecordIntake', badInput('complaints[1].onsetDate', 'not-future', 'must not be in the future'));
    fireEvent.click(screen.getByRole('button', { name: 'Record the intake' }));
    await waitFor(() => expect(secondDate.getAttribute('aria-invalid')).toBe('true'));
    await waitFor(() => expect(document.activeElement).toBe(secondDate));
    expect(document.getElementById(`${secondDate.id}-error`)?.textContent).toBe('⚠ Must not be in the future.');
    expect((screen.getAllByLabelText('Began on')[0] as HTMLInputElement).getAttribute('aria-invalid')).toBeNull();

    fireEvent.change(secondDate, { target: { value: '2026-10-15' } });
    api.queue('RecordIntake', { data: { recordIntake: { id: 'i1' } } });
    fireEvent.click(screen.getByRole('button', { name: 'Record the intake' }));
    await waitFor(() => expect(window.location.pathname).toBe('/clients/c1'));
    const sent = api.sent('RecordIntake')[1] as { clientId: string; input: Record<string, unknown> };
    expect(sent.clientId).toBe('c1');
    expect(sent.input).toEqual({
      takenAt: new Date('2026-11-30T10:15').toISOString(),
      chiefComplaints: 'Neck stiff for months',
      complaints: [
        { description: 'Neck stiffness', onsetDate: '2026-09-01', onset: 'GRADUAL' },
        { description: 'Headaches', onsetDate: '2026-10-15', onset: null },
      ],
      conditionCodes: ['NECK_PAIN'],
      currentConditions: null,
      pastConditions: null,
      medications: 'Warfarin',
      contraindications: ['Anticoagulants: light pressure only'],
      redFlags: ['Unexplained weight loss'],
      goals: 'Turn head to drive',
      pressurePreference: 'LIGHT',
      painTolerance: 'LOW',
      consentToTreatment: true,
      consentToShareWithReferrer: true,
      researchConsent: false,
      pregnancy: null,
    });
  });

  test('pregnancy: weeks, clearance and ticked cautions are sent; a refused weeks value shows at its input', async () => {
    render(
      <Router>
        <IntakeForm data={intakeData} />
      </Router>,
    );
    type('Chief complaints, in the client’s words', 'Pelvic girdle pain');
    expect(screen.queryByLabelText('Weeks of gestation (completed, 1-42)')).toBeNull();
    fireEvent.click(screen.getByLabelText('The client is pregnant'));
    type('Weeks of gestation (completed, 1-42)', '44');
    fireEvent.click(screen.getByLabelText('The midwife, obstetrician or GP cleared massage'));
    type('Cleared on', '2026-11-20');
    type('Cleared by (name and role)', 'Dr Roy, obstetrician');
    fireEvent.click(screen.getByLabelText(/Red flag: Calf or thigh pain/));
    fireEvent.click(screen.getByLabelText(/Contraindication: Placenta previa/));
    // Unticking takes it out of the list again.
    fireEvent.click(screen.getByLabelText(/Contraindication: Placenta previa/));

    api.queue('RecordIntake', badInput('pregnancy.gestationWeeks', 'range', 'must be between 1 and 42 (got 44)'));
    fireEvent.click(screen.getByRole('button', { name: 'Record the intake' }));
    const weeks = screen.getByLabelText('Weeks of gestation (completed, 1-42)');
    await waitFor(() => expect(weeks.getAttribute('aria-invalid')).toBe('true'));
    const sent = api.sent('RecordIntake')[0] as { input: Record<string, unknown> };
    expect(sent.input).toMatchObject({
      pregnancy: { gestationWeeks: 44, obstetricClearance: true, clearedOn: '2026-11-20', clearedBy: 'Dr Roy, obstetrician' },
      redFlags: ['Calf or thigh pain, swelling, warmth or redness (suspected deep vein thrombosis)'],
      contraindications: [],
    });
  });

  test('a refused red flag (by its place among the sent ones) shows at its input', async () => {
    render(
      <Router>
        <IntakeForm data={intakeData} />
      </Router>,
    );
    type('Chief complaints, in the client’s words', 'Back pain');
    fireEvent.click(screen.getByRole('button', { name: 'Add red flag' }));
    fireEvent.click(screen.getByRole('button', { name: 'Add red flag' }));
    type('Red flag 2', 'x'.repeat(201));
    api.queue('RecordIntake', badInput('redFlags[0]', 'max-length', 'must be at most 200 characters (got 201)'));
    fireEvent.click(screen.getByRole('button', { name: 'Record the intake' }));
    const flag = screen.getByLabelText('Red flag 2');
    await waitFor(() => expect(flag.getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByLabelText('Red flag 1').getAttribute('aria-invalid')).toBeNull();
  });
});
