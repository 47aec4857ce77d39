import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { createFakeApi } from '../../test/fake-api';
import { Router } from '../router';
import QuestionnairePage from './QuestionnairePage';
import { recordedMessage } from './SeriesPage';

let api: ReturnType<typeof createFakeApi>;

const form = {
  client: {
    id: 'c1',
    displayName: 'Ada Lovelace',
    series: [{ id: 'series-1', status: 'ACTIVE', condition: { name: 'Neck pain', suggestedInstrumentCodes: ['NDI'] } }],
  },
  instruments: [
    {
      code: 'NDI',
      name: 'Neck Disability Index',
      wording: 'PARAPHRASED',
      licence: 'NDI: copyright H. Vernon.',
      items: ['pain', 'care', 'lifting'].map((code) => ({
        code,
        label: code,
        question: `How is the ${code}?`,
        answerOptions: [0, 1, 2, 3, 4, 5].map((value) => ({ value, text: value === 0 ? 'No trouble' : value === 5 ? 'Cannot' : null })),
        min: 0,
        max: 5,
        optionalModule: null,
        requiresLabel: false,
      })),
    },
  ],
};

beforeEach(() => {
  api = createFakeApi();
  api.override('QuestionnaireForm', () => ({ data: form }));
  vi.stubGlobal('fetch', api.fetch);
  window.history.replaceState(null, '', '/clients/c1/questionnaire');
});
afterEach(() => {
  vi.unstubAllGlobals();
});

test('answers go to the server as typed; a refused answer is marked at its item and the answers stay', async () => {
  api.override('SubmitQuestionnaire', () => ({
    errors: [
      {
        message: 'answers[1].value: at most one section may be left unanswered',
        extensions: { code: 'BAD_USER_INPUT', field: 'answers[1].value', rule: 'missing-items' },
      },
    ],
  }));
  render(
    <Router>
      <QuestionnairePage clientId="c1" seriesId={null} />
    </Router>,
  );
  const pain = (await screen.findByLabelText('pain How is the pain?')) as HTMLSelectElement;
  expect((screen.getByLabelText('Questionnaire') as HTMLSelectElement).value).toBe('NDI');
  fireEvent.change(pain, { target: { value: '3' } });
  fireEvent.click(screen.getByRole('button', { name: 'Submit for scoring' }));

  const care = screen.getByLabelText('care How is the care?');
  await waitFor(() => expect(care.getAttribute('aria-invalid')).toBe('true'));
  expect(document.getElementById(care.getAttribute('aria-describedby') ?? '')?.textContent).toBe(
    '⚠ At most one section may be left unanswered.',
  );
  expect(pain.value).toBe('3');
  const sent = api.requests.find((r) => r.operationName === 'SubmitQuestionnaire')?.variables as {
    input: { clientId: string; seriesId: string; instrumentCode: string; answers: unknown[] };
    idempotencyKey: string;
  };
  expect(sent.input).toMatchObject({
    clientId: 'c1',
    seriesId: 'series-1',
    instrumentCode: 'NDI',
    answers: [
      { itemCode: 'pain', value: 3 },
      { itemCode: 'care', value: null },
      { itemCode: 'lifting', value: null },
    ],
  });
  expect(sent.idempotencyKey).toMatch(/^[0-9a-f]{32}$/);
});

test('after a questionnaire, the series page says a questionnaire was recorded, not a session', async () => {
  api.override('SubmitQuestionnaire', () => ({ data: { submitQuestionnaireResponse: { id: 'q1' } } }));
  window.history.replaceState(null, '', '/clients/c1/questionnaire?series=series-1');
  render(
    <Router>
      <QuestionnairePage clientId="c1" seriesId="series-1" />
    </Router>,
  );
  fireEvent.change(await screen.findByLabelText('pain How is the pain?'), { target: { value: '3' } });
  fireEvent.click(screen.getByRole('button', { name: 'Submit for scoring' }));
  await waitFor(() => expect(window.location.pathname).toBe('/clients/c1/series/series-1'));
  const banner = recordedMessage(new URLSearchParams(window.location.search).get('recorded'));
  expect(banner).toBe('Questionnaire recorded. Its score is in the charts below.');
  expect(recordedMessage('1')).toBe('Session recorded. The charts below include it.');
  expect(recordedMessage(null)).toBeNull();
});

test('each item shows its question and its answers in words, and the form says the wording is a paraphrase (defect 10)', async () => {
  render(
    <Router>
      <QuestionnairePage clientId="c1" seriesId={null} />
    </Router>,
  );
  const pain = (await screen.findByLabelText('pain How is the pain?')) as HTMLSelectElement;
  expect([...pain.options].map((o) => o.textContent)).toEqual(['Not answered', '0: No trouble', '1', '2', '3', '4', '5: Cannot']);
  expect(screen.getByText(/a paraphrase written for Fascia, not the published wording/).textContent).toContain('NDI: copyright H. Vernon.');
});
