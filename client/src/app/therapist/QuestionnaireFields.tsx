import type { InstrumentFieldsFragment } from '../../graphql/generated/graphql';
import { FieldError } from '../forms/FieldError';
import { errorProps, type FormError } from '../forms/field-errors';
import { controlIds, type QuestionnaireDraft } from './session-input';

export type InstrumentInfo = InstrumentFieldsFragment;

/** "Questions and answers in Fascia's own words" or "as published", with the licence behind it. */
export function wordingNote(instrument: Pick<InstrumentInfo, 'wording' | 'licence'>): string {
  const which =
    instrument.wording === 'PUBLISHED'
      ? 'The answers are worded as published.'
      : 'The questions and answers are a paraphrase written for Fascia, not the published wording: read the licensed form to the client where you have it.';
  return `${which} ${instrument.licence}`;
}

/** "2: Moderate pain", or "7" for a step without wording. */
export function optionText(option: { value: number; text: string | null }): string {
  return option.text ? `${option.value}: ${option.text}` : String(option.value);
}

/**
 * The items of one questionnaire: each item's question and a choice among its answers with their
 * wording (or unanswered).
 */
export function QuestionnaireFields({
  instrument,
  draft,
  onChange,
  error,
}: {
  instrument: InstrumentInfo;
  draft: QuestionnaireDraft;
  onChange: (next: QuestionnaireDraft) => void;
  error: FormError | null;
}) {
  const set = (itemCode: string, part: 'value' | 'label', text: string) => {
    const current = draft.answers[itemCode] ?? { value: '', label: '' };
    onChange({ ...draft, answers: { ...draft.answers, [itemCode]: { ...current, [part]: text } } });
  };
  const groups = new Map<string, InstrumentInfo['items']>();
  for (const item of instrument.items) {
    const group = item.optionalModule ? `Optional module: ${item.optionalModule}` : '';
    groups.set(group, [...(groups.get(group) ?? []), item]);
  }
  return (
    <fieldset className="questionnaire" id={controlIds.questionnaire} tabIndex={-1} {...errorProps(controlIds.questionnaire, error)}>
      <legend>{instrument.name}</legend>
      <p className="hint wording-note">{wordingNote(instrument)}</p>
      <FieldError controlId={controlIds.questionnaire} error={error} />
      {[...groups].map(([group, items]) => (
        <div key={group} className="questionnaire-group">
          {group && <h4>{group} (leave empty if not given)</h4>}
          {items.map((item, index) => {
            const id = controlIds.answer(item.code);
            const answer = draft.answers[item.code] ?? { value: '', label: '' };
            return (
              <div key={item.code} className="questionnaire-item">
                {item.requiresLabel && (
                  <label className="field">
                    Activity {index + 1}
                    <input type="text" value={answer.label} maxLength={200} onChange={(e) => set(item.code, 'label', e.target.value)} />
                  </label>
                )}
                <label className="field" htmlFor={id}>
                  <span className="item-topic">{item.label}</span> {item.question}
                </label>
                <select id={id} value={answer.value} onChange={(e) => set(item.code, 'value', e.target.value)} {...errorProps(id, error)}>
                  <option value="">Not answered</option>
                  {item.answerOptions.map((option) => (
                    <option key={option.value} value={String(option.value)}>
                      {optionText(option)}
                    </option>
                  ))}
                </select>
                <FieldError controlId={id} error={error} />
              </div>
            );
          })}
        </div>
      ))}
    </fieldset>
  );
}
