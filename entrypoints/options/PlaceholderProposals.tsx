import { i18n } from '#i18n';
import type { SpecificKind } from '../../core/specifics';
import { MAX_PLACEHOLDER_NAME, type NameProblem, type PlaceholderChoice, nameProblem } from './import-placeholders';

const KIND_LABEL: Record<SpecificKind, () => string> = {
  unit: () => i18n.t('optSpecificUnit'),
  'unit-short': () => i18n.t('optSpecificUnitShort'),
  meeting: () => i18n.t('optSpecificMeeting'),
  course: () => i18n.t('optSpecificCourse'),
  year: () => i18n.t('optSpecificYear'),
  date: () => i18n.t('optSpecificDate'),
  place: () => i18n.t('optSpecificPlace'),
  person: () => i18n.t('optSpecificPerson'),
  position: () => i18n.t('optSpecificPosition'),
};

const PROBLEM_TEXT: Record<NameProblem, () => string> = {
  empty: () => i18n.t('optNameEmpty'),
  'too-long': () => i18n.t('optNameTooLong', [String(MAX_PLACEHOLDER_NAME)]),
  'bad-character': () => i18n.t('optNameBadCharacter'),
  duplicate: () => i18n.t('optNameDuplicate'),
};

interface Props {
  choices: readonly PlaceholderChoice[];
  /** How often each ticked choice's words become its placeholder now, by words. */
  counts: ReadonlyMap<string, number>;
  onChange: (index: number, change: Partial<Pick<PlaceholderChoice, 'ticked' | 'name'>>) => void;
}

/**
 * 建议设为占位符: the report's specifics (its unit, year, names…), each with
 * a tick, its words, how often they occur, what kind of specific it is, and a
 * name the user may change. A name that cannot be used says why beside it.
 */
export function PlaceholderProposals({ choices, counts, onChange }: Props) {
  return (
    <section class="proposals" aria-labelledby="proposals-heading" data-proposals>
      <h3 id="proposals-heading" class="small-heading">
        {i18n.t('optProposalsHeading')}
      </h3>
      {choices.length === 0 ? (
        <p class="hint">{i18n.t('optProposalsNone')}</p>
      ) : (
        <>
          <p class="hint">{i18n.t('optProposalsHint')}</p>
          <ul class="proposal-list">
            {choices.map((choice, index) => {
              const problem = nameProblem(choices, index);
              const id = `proposal-${index}`;
              const count = choice.ticked ? (counts.get(choice.text) ?? 0) : choice.count;
              return (
                <li key={choice.text} class="proposal" data-proposal={choice.text} data-kind={choice.kind} data-ticked={String(choice.ticked)} data-count={count}>
                  <input
                    type="checkbox"
                    id={`${id}-keep`}
                    name="keep-placeholder"
                    checked={choice.ticked}
                    aria-label={i18n.t('optProposalKeepLabel', [choice.text])}
                    onChange={(event) => onChange(index, { ticked: (event.currentTarget as HTMLInputElement).checked })}
                  />
                  <label for={`${id}-keep`} class="proposal-words">
                    <span class={choice.ticked ? 'placeholder-mark' : undefined}>{choice.text}</span>
                  </label>
                  <span class="proposal-meta">
                    {count === 0
                      ? i18n.t('optProposalInside', [KIND_LABEL[choice.kind]?.() ?? choice.kind])
                      : i18n.t('optProposalMeta', [KIND_LABEL[choice.kind]?.() ?? choice.kind, String(count)])}
                  </span>
                  <label class="proposal-name">
                    <span class="proposal-name-label">{i18n.t('optProposalName')}</span>
                    <input
                      class="input"
                      name="placeholder-name"
                      value={choice.name}
                      aria-label={i18n.t('optProposalNameLabel', [choice.text])}
                      aria-invalid={problem ? 'true' : undefined}
                      aria-describedby={problem ? `${id}-problem` : undefined}
                      onInput={(event) => onChange(index, { name: (event.currentTarget as HTMLInputElement).value })}
                    />
                  </label>
                  {problem && (
                    <p class="field-error" id={`${id}-problem`} data-name-problem={problem}>
                      {PROBLEM_TEXT[problem]()}
                    </p>
                  )}
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}
