import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/text-field';
import {
  errorsFor,
  freeId,
  MATCH_PAIRS,
  MAX_DISTRACTORS,
  moveRow,
  ORDER_ITEMS,
  type FieldErrors,
  type FormState,
} from '../utils/form-state';

type Props = {
  form: FormState;
  set: (patch: Partial<FormState>) => void;
  errors: FieldErrors;
};

const groupErrors = (errors: FieldErrors, field: string) =>
  errors
    .filter((e) => e.field === field)
    .map((e) => e.message)
    .join(' · ') || undefined;

/**
 * Buttons that reorder or remove rows, with focus kept on the moved row's button (or the nearest
 * one still enabled) and a live region that says where the row went: no drag and drop needed.
 */
function useRowControls<T extends { id: string }>(
  rows: readonly T[],
  onRows: (rows: T[]) => void,
  describe: (row: T, index: number) => string,
) {
  const { t } = useTranslation();
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const [announcement, setAnnouncement] = useState('');
  const focus = (...keys: string[]) =>
    requestAnimationFrame(() => {
      for (const key of keys) {
        const button = buttons.current.get(key);
        if (button && !button.disabled) {
          button.focus();
          return;
        }
      }
    });
  const refFor = (key: string) => (node: HTMLButtonElement | null) => {
    if (node) buttons.current.set(key, node);
    else buttons.current.delete(key);
  };
  const move = (index: number, delta: number) => {
    const to = index + delta;
    if (to < 0 || to >= rows.length) return;
    const row = rows[index] as T;
    onRows(moveRow(rows, index, to));
    setAnnouncement(
      t('orgQuestions.form.rowMoved', { row: describe(row, index), position: to + 1, total: rows.length }),
    );
    focus(`${row.id}:${delta < 0 ? 'up' : 'down'}`, `${row.id}:${delta < 0 ? 'down' : 'up'}`);
  };
  const remove = (index: number, addKey: string) => {
    const row = rows[index] as T;
    const next = rows.filter((_, i) => i !== index);
    onRows(next);
    setAnnouncement(t('orgQuestions.form.rowRemoved', { row: describe(row, index) }));
    const neighbour = next[Math.min(index, next.length - 1)];
    // The same place in the list: the next row's remove button, or (at the minimum, where removing is
    // off) its move buttons, or the add button.
    focus(...(neighbour ? [`${neighbour.id}:remove`, `${neighbour.id}:up`, `${neighbour.id}:down`] : []), addKey);
  };
  return { announcement, setAnnouncement, refFor, move, remove, focus };
}

function RowButtons({
  index,
  total,
  min,
  label,
  controls,
  id,
  addKey,
}: {
  index: number;
  total: number;
  min: number;
  label: string;
  id: string;
  addKey: string;
  controls: Pick<ReturnType<typeof useRowControls>, 'refFor' | 'move' | 'remove'>;
}) {
  const { t } = useTranslation();
  return (
    <span className="oq-row-buttons">
      <button
        type="button"
        className="btn btn--ghost btn--sm"
        ref={controls.refFor(`${id}:up`)}
        disabled={index === 0}
        aria-label={t('orgQuestions.form.moveUp', { row: label })}
        onClick={() => controls.move(index, -1)}
      >
        ↑
      </button>
      <button
        type="button"
        className="btn btn--ghost btn--sm"
        ref={controls.refFor(`${id}:down`)}
        disabled={index === total - 1}
        aria-label={t('orgQuestions.form.moveDown', { row: label })}
        onClick={() => controls.move(index, 1)}
      >
        ↓
      </button>
      <button
        type="button"
        className="btn btn--ghost btn--sm"
        ref={controls.refFor(`${id}:remove`)}
        disabled={total <= min}
        aria-label={t('orgQuestions.form.removeRow', { row: label })}
        onClick={() => controls.remove(index, addKey)}
      >
        ✕
      </button>
    </span>
  );
}

/** Ordering: the items in the correct order; candidates get them shuffled and put them back in order. */
/** A row group's error (named by groupId for aria-describedby) and its "add a row" button. */
function GroupFooter({
  groupId,
  error,
  addRef,
  addDisabled,
  addLabel,
  onAdd,
}: {
  groupId: string;
  error: string | undefined;
  addRef: React.Ref<HTMLButtonElement>;
  addDisabled: boolean;
  addLabel: string;
  onAdd: () => void;
}) {
  return (
    <>
      {error ? (
        <p id={`${groupId}-error`} className="field__error">
          {error}
        </p>
      ) : null}
      <button type="button" className="btn btn--secondary btn--sm" ref={addRef} disabled={addDisabled} onClick={onAdd}>
        {addLabel}
      </button>
    </>
  );
}

export function OrderingItemsFields({ form, set, errors }: Props) {
  const { t } = useTranslation();
  const groupId = useId();
  const items = form.orderItems;
  const label = (index: number) => t('orgQuestions.form.orderItem', { n: index + 1 });
  const controls = useRowControls(
    items,
    (orderItems) => set({ orderItems }),
    (row, index) => row.text.trim() || label(index),
  );
  const groupError = groupErrors(errors, 'items');
  const addKey = 'items:add';
  return (
    <fieldset
      className="oq-fieldset"
      aria-describedby={groupError ? `${groupId}-error` : undefined}
      data-testid="order-items"
    >
      <legend className="field__label">{t('orgQuestions.form.orderItems')}</legend>
      <p className="field__hint">
        {t('orgQuestions.form.orderItemsHint', { min: ORDER_ITEMS.min, max: ORDER_ITEMS.max })}
      </p>
      <ol className="oq-options">
        {items.map((item, i) => (
          <li key={item.id} className="oq-option oq-option--row">
            <TextField
              label={label(i)}
              name={`items.${i}.text`}
              value={item.text}
              onChange={(e) =>
                set({ orderItems: items.map((row, j) => (j === i ? { ...row, text: e.target.value } : row)) })
              }
              error={errorsFor(errors, `items.${i}`)}
            />
            <RowButtons
              index={i}
              total={items.length}
              min={ORDER_ITEMS.min}
              label={`${label(i)}${item.text.trim() ? `: ${item.text.trim()}` : ''}`}
              controls={controls}
              id={item.id}
              addKey={addKey}
            />
          </li>
        ))}
      </ol>
      <GroupFooter
        groupId={groupId}
        error={groupError}
        addRef={controls.refFor(addKey)}
        addDisabled={items.length >= ORDER_ITEMS.max}
        addLabel={t('orgQuestions.form.addOrderItem')}
        onAdd={() => {
          set({ orderItems: [...items, { id: freeId(items), text: '' }] });
          controls.setAnnouncement(t('orgQuestions.form.rowAdded', { row: label(items.length) }));
        }}
      />
      <p className="visually-hidden" aria-live="polite" data-testid="rows-live">
        {controls.announcement}
      </p>
    </fieldset>
  );
}

/** Matching: left-hand items each with the right-hand text it pairs with, plus right-hand texts that pair with nothing. */
export function MatchingPairsFields({ form, set, errors }: Props) {
  const { t } = useTranslation();
  const groupId = useId();
  const pairs = form.pairs;
  const label = (index: number) => t('orgQuestions.form.pair', { n: index + 1 });
  const controls = useRowControls(
    pairs,
    (next) => set({ pairs: next }),
    (row, index) => row.left.trim() || label(index),
  );
  const groupError = groupErrors(errors, 'pairs');
  const distractorError = groupErrors(errors, 'distractors');
  const addKey = 'pairs:add';
  const update = (index: number, patch: Partial<FormState['pairs'][number]>) =>
    set({ pairs: pairs.map((row, j) => (j === index ? { ...row, ...patch } : row)) });
  return (
    <>
      <fieldset
        className="oq-fieldset"
        aria-describedby={groupError ? `${groupId}-error` : undefined}
        data-testid="match-pairs"
      >
        <legend className="field__label">{t('orgQuestions.form.pairs')}</legend>
        <p className="field__hint">
          {t('orgQuestions.form.pairsHint', { min: MATCH_PAIRS.min, max: MATCH_PAIRS.max })}
        </p>
        <ol className="oq-options">
          {pairs.map((pair, i) => (
            <li key={pair.id} className="oq-option oq-option--row">
              <div className="oq-pair">
                <TextField
                  label={t('orgQuestions.form.pairLeft', { n: i + 1 })}
                  name={`pairs.${i}.text`}
                  value={pair.left}
                  onChange={(e) => update(i, { left: e.target.value })}
                  error={errorsFor(errors, `pairs.${i}.text`, `pairs.${i}.id`)}
                />
                <TextField
                  label={t('orgQuestions.form.pairRight', { n: i + 1 })}
                  name={`pairs.${i}.match`}
                  value={pair.right}
                  onChange={(e) => update(i, { right: e.target.value })}
                  error={errorsFor(errors, `pairs.${i}.match`)}
                />
              </div>
              <RowButtons
                index={i}
                total={pairs.length}
                min={MATCH_PAIRS.min}
                label={`${label(i)}${pair.left.trim() ? `: ${pair.left.trim()}` : ''}`}
                controls={controls}
                id={pair.id}
                addKey={addKey}
              />
            </li>
          ))}
        </ol>
        <GroupFooter
          groupId={groupId}
          error={groupError}
          addRef={controls.refFor(addKey)}
          addDisabled={pairs.length >= MATCH_PAIRS.max}
          addLabel={t('orgQuestions.form.addPair')}
          onAdd={() => {
            set({ pairs: [...pairs, { id: freeId(pairs), left: '', right: '' }] });
            controls.setAnnouncement(t('orgQuestions.form.rowAdded', { row: label(pairs.length) }));
          }}
        />
        <p className="visually-hidden" aria-live="polite" data-testid="rows-live">
          {controls.announcement}
        </p>
      </fieldset>
      <fieldset
        className="oq-fieldset"
        aria-describedby={distractorError ? `${groupId}-distractors-error` : undefined}
        data-testid="distractors"
      >
        <legend className="field__label">{t('orgQuestions.form.distractors')}</legend>
        <p className="field__hint">{t('orgQuestions.form.distractorsHint', { max: MAX_DISTRACTORS })}</p>
        {form.distractors.map((text, i) => (
          <div key={i} className="oq-output">
            <TextField
              label={t('orgQuestions.form.distractor', { n: i + 1 })}
              name={`distractors.${i}`}
              value={text}
              onChange={(e) => set({ distractors: form.distractors.map((d, j) => (j === i ? e.target.value : d)) })}
              error={errorsFor(errors, `distractors.${i}`)}
            />
            <Button
              variant="ghost"
              size="sm"
              aria-label={t('orgQuestions.form.removeDistractor', { n: i + 1 })}
              onClick={() => set({ distractors: form.distractors.filter((_, j) => j !== i) })}
            >
              ✕
            </Button>
          </div>
        ))}
        {distractorError ? (
          <p id={`${groupId}-distractors-error`} className="field__error">
            {distractorError}
          </p>
        ) : null}
        <Button
          variant="secondary"
          size="sm"
          disabled={form.distractors.length >= MAX_DISTRACTORS}
          onClick={() => set({ distractors: [...form.distractors, ''] })}
        >
          {t('orgQuestions.form.addDistractor')}
        </Button>
      </fieldset>
    </>
  );
}
