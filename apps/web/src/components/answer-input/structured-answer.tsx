import { useRef, useState, type DragEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { QuestionResponse } from '@goprep/domain';
import { Markdown } from '@/components/ui/markdown';

type Option = { id: string; text: string };

type OrderingProps = {
  items: Option[];
  response: QuestionResponse | null;
  onChange: (response: QuestionResponse | null) => void;
  disabled?: boolean;
};

/** The saved order when it names exactly the delivered items, else the delivered (shuffled) order. */
function currentOrder(items: Option[], response: QuestionResponse | null): string[] {
  const delivered = items.map((o) => o.id);
  if (response?.type !== 'ordering') return delivered;
  const saved = response.order;
  return saved.length === delivered.length && delivered.every((id) => saved.includes(id)) ? [...saved] : delivered;
}

function move(order: string[], from: number, to: number): string[] {
  const next = [...order];
  const [id] = next.splice(from, 1);
  next.splice(to, 0, id as string);
  return next;
}

/**
 * Ordering by drag and drop that works without a mouse: each item's handle is a button; Space or
 * Enter picks it up, the arrow keys move it, Space or Enter drops it and Escape puts it back. The
 * move buttons do the same in one press, and a live region says where the item is.
 */
export function OrderingAnswer({ items, response, onChange, disabled }: OrderingProps) {
  const { t } = useTranslation();
  const order = currentOrder(items, response);
  const text = new Map(items.map((o) => [o.id, o.text]));
  const [picked, setPicked] = useState<{ id: string; from: string[] } | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [dragging, setDragging] = useState<string | null>(null);
  const handles = useRef(new Map<string, HTMLButtonElement>());
  const plain = (id: string) => (text.get(id) ?? id).replace(/`/g, '');

  const commit = (next: string[], id: string, message: string) => {
    onChange({ type: 'ordering', order: next });
    setAnnouncement(message);
    // The item keeps focus where it went, so arrows can go on moving it.
    requestAnimationFrame(() => handles.current.get(id)?.focus());
  };
  const moveBy = (id: string, delta: number) => {
    const from = order.indexOf(id);
    const to = from + delta;
    if (to < 0 || to >= order.length) return;
    commit(move(order, from, to), id, t('answer.ordering.moved', { item: plain(id), position: to + 1, total: order.length }));
  };
  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>, id: string) => {
    if (disabled) return;
    if (event.key === ' ' || event.key === 'Enter') {
      event.preventDefault();
      if (picked?.id === id) {
        setPicked(null);
        setAnnouncement(t('answer.ordering.dropped', { item: plain(id), position: order.indexOf(id) + 1, total: order.length }));
      } else {
        setPicked({ id, from: order });
        setAnnouncement(t('answer.ordering.picked', { item: plain(id), position: order.indexOf(id) + 1, total: order.length }));
      }
    } else if (picked?.id === id && (event.key === 'ArrowUp' || event.key === 'ArrowDown')) {
      event.preventDefault();
      moveBy(id, event.key === 'ArrowUp' ? -1 : 1);
    } else if (picked?.id === id && event.key === 'Escape') {
      event.preventDefault();
      setPicked(null);
      commit(picked.from, id, t('answer.ordering.cancelled', { item: plain(id), position: picked.from.indexOf(id) + 1, total: order.length }));
    }
  };
  const onDrop = (event: DragEvent<HTMLLIElement>, target: string) => {
    event.preventDefault();
    if (!dragging || dragging === target) return;
    const to = order.indexOf(target);
    commit(move(order, order.indexOf(dragging), to), dragging, t('answer.ordering.dropped', { item: plain(dragging), position: to + 1, total: order.length }));
    setDragging(null);
  };

  return (
    <div className="ordering" data-testid="ordering-answer">
      <p className="muted small" id="ordering-help">
        {t('answer.ordering.help')}
      </p>
      <ol className="ordering__list" aria-describedby="ordering-help">
        {order.map((id, index) => (
          <li
            key={id}
            className={['ordering__item', picked?.id === id ? 'ordering__item--picked' : '', dragging === id ? 'ordering__item--dragging' : ''].filter(Boolean).join(' ')}
            draggable={!disabled}
            onDragStart={() => setDragging(id)}
            onDragEnd={() => setDragging(null)}
            onDragOver={(event) => event.preventDefault()}
            onDrop={(event) => onDrop(event, id)}
            data-testid="ordering-item"
            data-id={id}
          >
            <button
              type="button"
              className="ordering__handle"
              aria-pressed={picked?.id === id}
              aria-label={t('answer.ordering.handle', { item: plain(id), position: index + 1, total: order.length })}
              disabled={disabled}
              ref={(node) => {
                if (node) handles.current.set(id, node);
                else handles.current.delete(id);
              }}
              onKeyDown={(event) => onKeyDown(event, id)}
              onBlur={() => (picked?.id === id ? setPicked(null) : undefined)}
            >
              <span aria-hidden="true">{index + 1}</span>
            </button>
            <Markdown source={text.get(id) ?? id} className="ordering__text" />
            <span className="ordering__moves">
              <button type="button" className="btn btn--ghost btn--small" disabled={disabled || index === 0} onClick={() => moveBy(id, -1)} aria-label={t('answer.ordering.up', { item: plain(id) })}>
                ↑
              </button>
              <button
                type="button"
                className="btn btn--ghost btn--small"
                disabled={disabled || index === order.length - 1}
                onClick={() => moveBy(id, 1)}
                aria-label={t('answer.ordering.down', { item: plain(id) })}
              >
                ↓
              </button>
            </span>
          </li>
        ))}
      </ol>
      <p className="visually-hidden" aria-live="assertive" data-testid="ordering-live">
        {announcement}
      </p>
    </div>
  );
}

type MatchingProps = {
  left: Option[];
  choices: Option[];
  response: QuestionResponse | null;
  onChange: (response: QuestionResponse | null) => void;
  disabled?: boolean;
};

/** Matching: one select per left-hand item over the right-hand choices (a choice may serve several items). */
export function MatchingAnswer({ left, choices, response, onChange, disabled }: MatchingProps) {
  const { t } = useTranslation();
  const pairs = response?.type === 'matching' ? response.pairs : {};
  const set = (leftId: string, choice: string) => {
    const next = { ...pairs, [leftId]: choice };
    if (choice === '') delete next[leftId];
    onChange(Object.keys(next).length > 0 ? { type: 'matching', pairs: next } : null);
  };
  return (
    <fieldset className="matching" disabled={disabled} data-testid="matching-answer">
      <legend className="visually-hidden">{t('answer.matching.legend')}</legend>
      <p className="muted small">{t('answer.matching.help')}</p>
      {left.map((item, index) => {
        const id = `match-${item.id}`;
        return (
          <div className="matching__row" key={item.id}>
            <label htmlFor={id} className="matching__left">
              <Markdown source={item.text} />
            </label>
            <select
              id={id}
              className="matching__select"
              value={pairs[item.id] ?? ''}
              onChange={(event) => set(item.id, event.target.value)}
              data-testid={`match-select-${index + 1}`}
            >
              <option value="">{t('answer.matching.choose')}</option>
              {choices.map((choice) => (
                <option key={choice.id} value={choice.id}>
                  {choice.text.replace(/`/g, '')}
                </option>
              ))}
            </select>
          </div>
        );
      })}
    </fieldset>
  );
}
