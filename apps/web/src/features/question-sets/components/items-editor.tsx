import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge } from '@/components/ui/badge';
import { LIMITS, parseTags, type ItemForm, type PoolItemForm, type Problem } from '../utils/draft-form';
import { moveItem } from '../utils/reorder';
import { difficultyTone, durationLabel, topicLabel, typeLabel } from './labels';

/** Values for the error messages' placeholders. */
export const LIMITS_TEXT = {
  minPoints: LIMITS.points[0],
  maxPoints: LIMITS.points[1],
  minCount: LIMITS.poolCount[0],
  maxCount: LIMITS.poolCount[1],
  minMinutes: LIMITS.timeLimitMinutes[0],
  maxMinutes: LIMITS.timeLimitMinutes[1],
  maxGrace: LIMITS.graceMinutes[1],
  maxTitle: LIMITS.titleMax,
  maxInstructions: LIMITS.instructionsMax,
};

export const POOL_TYPES = ['single', 'multi', 'true-false', 'short', 'numeric', 'code-output', 'code-lines', 'essay'] as const;

type Props = {
  items: ItemForm[];
  problems: Problem[];
  /** Pool problems reported by the server's summary, by item key. */
  shortfalls: Map<string, { wanted: number; drawn: number; eligible: number }>;
  eligible: Map<string, number>;
  readOnly: boolean;
  onChange: (items: ItemForm[]) => void;
  onPreview: (questionId: string) => void;
};

/** One end of a pool's difficulty range (1 to 5). */
function DifficultySelect({ label, name, value, disabled, invalid, onChange }: { label: string; name: string; value: number; disabled: boolean; invalid: boolean; onChange: (value: number) => void }) {
  return (
    <label className="qs-mini">
      <span>{label}</span>
      <select className="input select" name={name} value={value} disabled={disabled} aria-invalid={invalid ? true : undefined} onChange={(e) => onChange(Number(e.target.value))}>
        {[1, 2, 3, 4, 5].map((d) => (
          <option key={d} value={d}>
            {d}
          </option>
        ))}
      </select>
    </label>
  );
}

function PoolFields({ item, disabled, error, onChange }: { item: PoolItemForm; disabled: boolean; error: (f: string) => string | undefined; onChange: (patch: Partial<PoolItemForm>) => void }) {
  const { t } = useTranslation();
  const id = item.key;
  return (
    <div className="qs-pool-fields">
      <label className="qs-mini">
        <span>{t('questionSets.pool.count')}</span>
        <input className="input" name={`${id}.count`} inputMode="numeric" value={item.count} disabled={disabled} aria-invalid={error('count') ? true : undefined} onChange={(e) => onChange({ count: e.target.value })} />
      </label>
      <DifficultySelect label={t('questionSets.pool.min')} name={`${id}.min`} value={item.min} disabled={disabled} invalid={Boolean(error('difficulty'))} onChange={(v) => onChange({ min: v })} />
      <DifficultySelect label={t('questionSets.pool.max')} name={`${id}.max`} value={item.max} disabled={disabled} invalid={Boolean(error('difficulty'))} onChange={(v) => onChange({ max: v })} />
      <label className="qs-mini qs-mini--wide">
        <span>{t('questionSets.pool.excludeTags')}</span>
        <input className="input" name={`${id}.excludeTags`} value={item.excludeTags} disabled={disabled} placeholder="basic, kubernetes" onChange={(e) => onChange({ excludeTags: e.target.value })} />
      </label>
      <fieldset className="qs-types" disabled={disabled}>
        <legend>{t('questionSets.pool.types')}</legend>
        {POOL_TYPES.map((type) => (
          <label key={type} className="qs-check">
            <input
              type="checkbox"
              checked={item.types.includes(type)}
              onChange={(e) => onChange({ types: e.target.checked ? [...item.types, type] : item.types.filter((x) => x !== type) })}
            />
            {t(`questionTypes.${type}`)}
          </label>
        ))}
        <span className="muted small">{t('questionSets.pool.typesHint')}</span>
      </fieldset>
    </div>
  );
}

/**
 * The ordered items of the draft. Reorder with the mouse (drag a row), or with the keyboard: focus
 * a row's handle, Space picks it up, the arrows move it, Space drops it, Escape puts it back; or
 * Alt+Arrow on any part of the row, or the Move up / Move down buttons. Moves are announced.
 */
export function ItemsEditor({ items, problems, shortfalls, eligible, readOnly, onChange, onPreview }: Props) {
  const { t } = useTranslation();
  const [grabbed, setGrabbed] = useState<{ key: string; from: number }>();
  const [dragging, setDragging] = useState<string>();
  // Pools show a one-line description; their filters open on demand (and whenever they are invalid).
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const toggle = (key: string) =>
    setOpen((o) => {
      const next = new Set(o);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });
  const [announcement, setAnnouncement] = useState('');
  const handles = useRef(new Map<string, HTMLButtonElement>());
  const refocus = useRef<string | undefined>(undefined);

  // Moving a row re-inserts its DOM node, which drops focus; put it back on the moved handle.
  useEffect(() => {
    if (refocus.current) {
      handles.current.get(refocus.current)?.focus();
      refocus.current = undefined;
    }
  });

  const nameOf = (item: ItemForm) =>
    item.kind === 'fixed' ? (item.info?.title ?? item.questionId) : t('questionSets.pool.name', { count: Number(item.count) || 0, topic: topicLabel(t, item.topic) });

  const move = (from: number, to: number, announce = true) => {
    const item = items[from];
    if (!item) return;
    const next = moveItem(items, from, to);
    if (next === items) {
      if (announce) setAnnouncement(t(to < from ? 'questionSets.items.atTop' : 'questionSets.items.atBottom', { name: nameOf(item) }));
      return;
    }
    refocus.current = item.key;
    onChange([...next]);
    const position = Math.max(0, Math.min(items.length - 1, to)) + 1;
    if (announce) setAnnouncement(t('questionSets.items.moved', { name: nameOf(item), position, total: items.length }));
  };

  const update = (key: string, patch: Partial<ItemForm>) => onChange(items.map((i) => (i.key === key ? ({ ...i, ...patch } as ItemForm) : i)));
  const remove = (index: number) => {
    const item = items[index];
    if (!item) return;
    onChange(items.filter((_, i) => i !== index));
    setAnnouncement(t('questionSets.items.removed', { name: nameOf(item) }));
    const neighbour = items[index + 1] ?? items[index - 1];
    if (neighbour) refocus.current = neighbour.key;
  };

  const onHandleKey = (e: KeyboardEvent<HTMLButtonElement>, index: number, item: ItemForm) => {
    if (e.key === ' ' || e.key === 'Enter') {
      e.preventDefault();
      if (grabbed) {
        setGrabbed(undefined);
        setAnnouncement(t('questionSets.items.dropped', { name: nameOf(item), position: index + 1, total: items.length }));
      } else {
        setGrabbed({ key: item.key, from: index });
        setAnnouncement(t('questionSets.items.grabbed', { name: nameOf(item), position: index + 1, total: items.length }));
      }
      return;
    }
    if (e.key === 'Escape' && grabbed) {
      e.preventDefault();
      move(index, grabbed.from, false);
      setGrabbed(undefined);
      setAnnouncement(t('questionSets.items.cancelled', { name: nameOf(item), position: grabbed.from + 1, total: items.length }));
      return;
    }
    if (grabbed && (e.key === 'ArrowUp' || e.key === 'ArrowDown')) {
      e.preventDefault();
      e.stopPropagation();
      move(index, index + (e.key === 'ArrowUp' ? -1 : 1));
    }
  };

  const onRowKey = (e: KeyboardEvent<HTMLLIElement>, index: number) => {
    if (readOnly || !e.altKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
    e.preventDefault();
    move(index, index + (e.key === 'ArrowUp' ? -1 : 1));
  };

  const problemOf = (item: ItemForm, field: string) => {
    const p = problems.find((x) => x.field === `${item.key}.${field}`);
    return p ? t(`questionSets.errors.${p.message}`, LIMITS_TEXT) : undefined;
  };

  if (items.length === 0) return <p className="empty">{t('questionSets.items.empty')}</p>;

  return (
    <>
      {readOnly ? null : (
        <p id="qs-reorder-help" className="muted small">
          {t('questionSets.items.reorderHelp')}
        </p>
      )}
      <ol className="qs-items" data-testid="set-items" aria-describedby={readOnly ? undefined : 'qs-reorder-help'}>
        {items.map((item, index) => {
          const short = shortfalls.get(item.key);
          const name = nameOf(item);
          const pointsError = problemOf(item, 'points');
          const rowErrors = [pointsError, item.kind === 'pool' ? problemOf(item, 'count') : undefined, item.kind === 'pool' ? problemOf(item, 'difficulty') : undefined].filter(Boolean);
          return (
            <li
              key={item.key}
              className={['qs-item', grabbed?.key === item.key ? 'qs-item--grabbed' : '', dragging === item.key ? 'qs-item--dragging' : ''].filter(Boolean).join(' ')}
              data-testid="set-item"
              data-kind={item.kind}
              data-name={name}
              onDragOver={(e) => {
                if (dragging) e.preventDefault();
              }}
              onDrop={(e) => {
                e.preventDefault();
                const from = items.findIndex((i) => i.key === dragging);
                setDragging(undefined);
                if (from >= 0) move(from, index);
              }}
              onKeyDown={(e) => onRowKey(e, index)}
            >
              <div className="qs-item__head">
                {readOnly ? (
                  <span className="qs-item__pos">{index + 1}</span>
                ) : (
                  <button
                    type="button"
                    className="qs-handle"
                    ref={(el) => {
                      if (el) handles.current.set(item.key, el);
                      else handles.current.delete(item.key);
                    }}
                    aria-pressed={grabbed?.key === item.key}
                    aria-label={t('questionSets.items.handle', { name, position: index + 1, total: items.length })}
                    aria-describedby="qs-reorder-help"
                    data-testid="item-handle"
                    // Only the handle drags, so selecting text in the row's inputs still works.
                    draggable
                    onDragStart={(e) => {
                      setDragging(item.key);
                      e.dataTransfer.effectAllowed = 'move';
                      e.dataTransfer.setData('text/plain', item.key);
                      const row = e.currentTarget.closest('li');
                      if (row) e.dataTransfer.setDragImage(row, 24, 24);
                    }}
                    onDragEnd={() => setDragging(undefined)}
                    onKeyDown={(e) => onHandleKey(e, index, item)}
                    onBlur={() => {
                      if (grabbed?.key === item.key && refocus.current !== item.key) setGrabbed(undefined);
                    }}
                  >
                    <span aria-hidden="true">⠿</span>
                    <span className="qs-item__pos">{index + 1}</span>
                  </button>
                )}
                <div className="qs-item__main">
                  {item.kind === 'fixed' ? (
                    <>
                      <span className="qs-item__title">{name}</span>
                      <span className="question-row__meta">
                        {item.info ? (
                          <>
                            <span className="muted">{topicLabel(t, item.info.topic)}</span>
                            <Badge>{typeLabel(t, item.info.type)}</Badge>
                            <Badge tone={difficultyTone(item.info.difficulty)}>{t(`difficulty.${item.info.difficulty}`)}</Badge>
                            {item.info.expectedSeconds ? <span className="muted small">{durationLabel(t, item.info.expectedSeconds)}</span> : null}
                          </>
                        ) : (
                          <code className="small">{item.questionId}</code>
                        )}
                        {readOnly ? null : (
                          <button type="button" className="btn btn--ghost btn--sm" aria-label={t('questionSets.bank.previewNamed', { title: name })} onClick={() => onPreview(item.questionId)}>
                            {t('questionSets.bank.preview')}
                          </button>
                        )}
                      </span>
                    </>
                  ) : (
                    <>
                      <span className="qs-item__title">
                        <Badge tone="accent">{t('questionSets.pool.badge')}</Badge> {name}
                      </span>
                      <span className="muted small">
                        {[
                          t('questionSets.pool.describe', { min: item.min, max: item.max }),
                          item.types.length === 0
                            ? t('questionSets.pool.anyType')
                            : item.types.length <= 3
                              ? item.types.map((type) => typeLabel(t, type)).join(', ')
                              : t('questionSets.pool.someTypes', { count: item.types.length }),
                          parseTags(item.excludeTags).length > 0 ? t('questionSets.pool.notTagged', { tags: parseTags(item.excludeTags).join(', ') }) : '',
                          eligible.has(item.key) ? t('questionSets.pool.eligible', { count: eligible.get(item.key) }) : '',
                        ]
                          .filter(Boolean)
                          .join(' · ')}
                      </span>
                    </>
                  )}
                </div>
                {readOnly ? (
                  <span className="qs-mini qs-points">
                    <span>{item.kind === 'pool' ? t('questionSets.items.pointsEach') : t('questionSets.items.points')}</span>
                    <strong data-testid="item-points">{item.points}</strong>
                  </span>
                ) : (
                  <label className="qs-mini qs-points">
                    <span>{item.kind === 'pool' ? t('questionSets.items.pointsEach') : t('questionSets.items.points')}</span>
                    <input
                      className="input"
                      name={`${item.key}.points`}
                      data-testid="item-points"
                      inputMode="decimal"
                      value={item.points}
                      disabled={readOnly}
                      aria-invalid={pointsError ? true : undefined}
                      aria-label={t('questionSets.items.pointsFor', { name })}
                      onChange={(e) => update(item.key, { points: e.target.value })}
                    />
                  </label>
                )}
              </div>
              {item.kind === 'pool' && (open.has(item.key) || rowErrors.length > 0) ? (
                <PoolFields item={item} disabled={readOnly} error={(f) => problemOf(item, f)} onChange={(patch) => update(item.key, patch)} />
              ) : null}
              {short ? (
                <p className="qs-warning" data-testid="pool-shortfall">
                  {t('questionSets.pool.shortfall', { wanted: short.wanted, drawn: short.drawn, eligible: short.eligible })}
                </p>
              ) : null}
              {rowErrors.length > 0 ? <p className="field__error">{rowErrors.join(' ')}</p> : null}
              {readOnly ? null : (
                <div className="qs-item__actions">
                  <button type="button" className="btn btn--ghost btn--sm" disabled={index === 0} aria-label={t('questionSets.items.moveUpNamed', { name })} aria-keyshortcuts="Alt+ArrowUp" onClick={() => move(index, index - 1)}>
                    ↑ {t('questionSets.items.moveUp')}
                  </button>
                  <button
                    type="button"
                    className="btn btn--ghost btn--sm"
                    disabled={index === items.length - 1}
                    aria-label={t('questionSets.items.moveDownNamed', { name })}
                    aria-keyshortcuts="Alt+ArrowDown"
                    onClick={() => move(index, index + 1)}
                  >
                    ↓ {t('questionSets.items.moveDown')}
                  </button>
                  {item.kind === 'pool' ? (
                    <button
                      type="button"
                      className="btn btn--ghost btn--sm"
                      aria-expanded={open.has(item.key) || rowErrors.length > 0}
                      aria-label={t('questionSets.pool.editNamed', { name })}
                      data-testid="edit-pool"
                      onClick={() => toggle(item.key)}
                    >
                      {t('questionSets.pool.edit')}
                    </button>
                  ) : null}
                  <button type="button" className="btn btn--ghost btn--sm qs-remove" aria-label={t('questionSets.items.removeNamed', { name })} onClick={() => remove(index)}>
                    {t('questionSets.items.remove')}
                  </button>
                </div>
              )}
            </li>
          );
        })}
      </ol>
      <div className="visually-hidden" role="status" aria-live="assertive" data-testid="reorder-announcement">
        {announcement}
      </div>
    </>
  );
}
