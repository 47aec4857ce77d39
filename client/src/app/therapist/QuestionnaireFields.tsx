import type { InstrumentFieldsFragment } from '../../graphql/generated/graphql';
import { FieldError } from '../forms/FieldError';
import { errorProps, type FormError } from '../forms/field-errors';
import { controlIds, type QuestionnaireDraft } from './session-input';

export type InstrumentInfo = InstrumentFieldsFragment;

/** The items of one questionnaire, each a choice from its lowest to its highest answer (or unanswered). */
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
                  {item.label} ({item.min}-{item.max})
                </label>
                <select id={id} value={answer.value} onChange={(e) => set(item.code, 'value', e.target.value)} {...errorProps(id, error)}>
                  <option value="">Not answered</option>
                  {Array.from({ length: item.max - item.min + 1 }, (_, i) => item.min + i).map((v) => (
                    <option key={v} value={String(v)}>
                      {v}
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
