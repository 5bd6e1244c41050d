import { useEffect, useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Spinner } from '@/components/ui/spinner';
import { isApiError } from '@/lib/api-client';
import { useAddTopicToDeck } from '../api/add-to-deck';
import { useDrillStats } from '../api/get-stats';
import { useDrillTopics } from '../api/get-topics';
import { useDue } from '../api/get-due';
import { isSelfRated, useDrillSession, type DrillSession, type LastAction } from '../hooks/use-drill-session';
import { RATINGS, type DueQueue, type TopicId } from '../types';
import { pickByKey } from '../utils/responses';
import { DrillCard } from './drill-card';
import { topicLabel } from './labels';
import { useTouchScreen } from '@/lib/touch';

function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.closest('.monaco-editor, dialog')) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement || target.isContentEditable) return true;
  return target instanceof HTMLInputElement && !['radio', 'checkbox', 'button', 'submit', 'reset'].includes(target.type);
}

/** A text field with text in it keeps Ctrl+Z for itself; an empty one lets it undo the last review. */
const hasOwnUndo = (target: EventTarget | null) =>
  isTypingTarget(target) &&
  !((target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement) && target.value === '');

const isActivatable = (target: EventTarget | null) =>
  target instanceof HTMLElement && target.closest('button, a, summary, select, [role="button"]') !== null;

/** Space/Enter, 1-4, G and Ctrl+Z for the whole page. */
function useDrillKeys(session: DrillSession) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.altKey || e.metaKey) return;
      const typing = isTypingTarget(e.target);
      const key = e.key.toLowerCase();
      const active = session.active;
      if (e.ctrlKey) {
        if (key === 'z' && !e.shiftKey && !hasOwnUndo(e.target)) {
          e.preventDefault();
          void session.undo();
        } else if (key === 'enter' && active && !active.result) {
          e.preventDefault();
          void session.check();
        }
        return;
      }
      if (!active) return;
      if (!active.result) {
        // Enter in a one-line answer checks it; text areas keep Enter for new lines (Ctrl+Enter checks).
        const inLine = e.target instanceof HTMLInputElement && typing;
        if (key === 'enter' && !e.shiftKey && (inLine || (!typing && !isActivatable(e.target)))) {
          e.preventDefault();
          void session.check();
        } else if (typing) return;
        else if (key === ' ' && isSelfRated(active.card) && !isActivatable(e.target)) {
          e.preventDefault();
          void session.check();
        } else if (key === 'g' && !isSelfRated(active.card)) {
          e.preventDefault();
          session.toggleGuessed();
        } else if (/^[1-9]$/.test(key)) {
          const next = pickByKey(active.card.question, active.response, Number(key));
          if (next) {
            e.preventDefault();
            session.setResponse(next);
          }
        }
        return;
      }
      if (typing) return;
      if ((key === ' ' || key === 'enter') && !isActivatable(e.target)) {
        e.preventDefault();
        void session.accept();
      } else if (/^[1-4]$/.test(key)) {
        e.preventDefault();
        const rating = RATINGS[Number(key) - 1];
        if (rating) void session.rate(rating);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [session]);
}

function AddTopic({ onAdded }: { onAdded: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const topics = useDrillTopics();
  const add = useAddTopicToDeck();
  const [topic, setTopic] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!topic) return;
    setMessage(null);
    add.mutate(topic as TopicId, {
      onSuccess: (change) => {
        setMessage(t('drills.add.added', { count: change.added, skipped: change.skipped, topic: topicLabel(t, topic) }));
        onAdded();
      },
    });
  };
  return (
    <form className="drill-add" onSubmit={submit} data-testid="add-topic-form">
      <div className="field drill-add__field">
        <label className="field__label" htmlFor={id}>
          {t('drills.add.label')}
        </label>
        <select id={id} className="input select" value={topic} onChange={(e) => setTopic(e.target.value)} data-testid="add-topic-select">
          <option value="">{t('drills.add.placeholder')}</option>
          {(topics.data ?? []).map((tp) => (
            <option key={tp.id} value={tp.id}>
              {topicLabel(t, tp.id)}
            </option>
          ))}
        </select>
      </div>
      <Button type="submit" variant="secondary" loading={add.isPending} disabled={!topic} data-testid="add-topic">
        {t('drills.add.submit')}
      </Button>
      <div className="drill-add__status" role="status" data-testid="add-topic-status">
        {message}
      </div>
      {add.error ? <Alert>{isApiError(add.error) ? add.error.message : t('drills.error')}</Alert> : null}
    </form>
  );
}

function StatsStrip() {
  const { t, i18n } = useTranslation();
  const stats = useDrillStats();
  const pct = (v: number) => new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 0 }).format(v);
  if (!stats.data) return null;
  const { forecast, retention } = stats.data;
  const tomorrow = forecast[1]?.count ?? 0;
  return (
    <dl className="drill-stats" data-testid="drill-stats">
      <div className="drill-stats__item">
        <dt>{t('drills.stats.dueTomorrow')}</dt>
        <dd data-testid="due-tomorrow">{tomorrow}</dd>
      </div>
      <div className="drill-stats__item">
        <dt>{t('drills.stats.retention')}</dt>
        <dd data-testid="retention">
          {t('drills.stats.retentionValue', {
            actual: retention.trueRetention === null ? '—' : pct(retention.trueRetention),
            desired: pct(retention.desiredRetention),
          })}
        </dd>
      </div>
    </dl>
  );
}

function Progress({ queue, reviewed }: { queue: DueQueue | undefined; reviewed: number }) {
  const { t } = useTranslation();
  const remaining = queue?.cards.length ?? 0;
  const total = reviewed + remaining;
  return (
    <div className="drill-progress" data-testid="drill-progress">
      <p className="drill-progress__counts">
        <span data-testid="due-count">{t('drills.progress.due', { count: queue?.dueCount ?? 0 })}</span>
        <span aria-hidden="true"> · </span>
        <span data-testid="new-count">{t('drills.progress.new', { count: queue?.newCount ?? 0 })}</span>
      </p>
      <progress
        className="drill-progress__bar"
        max={Math.max(total, 1)}
        value={reviewed}
        aria-label={t('drills.progress.label')}
        aria-valuetext={t('drills.progress.value', { done: reviewed, total })}
        data-testid="session-progress"
        data-done={reviewed}
        data-total={total}
      />
      <p className="muted small">{t('drills.progress.value', { done: reviewed, total })}</p>
    </div>
  );
}

function LastActionLine({ action }: { action: LastAction }) {
  const { t } = useTranslation();
  let text = '';
  if (action?.kind === 'rated') {
    text = t('drills.last.rated', {
      rating: t(`drills.rating.${action.rating}`),
      when: action.scheduledDays > 0 ? t('drills.last.days', { count: action.scheduledDays }) : t('drills.last.today'),
    });
  } else if (action?.kind === 'undone') text = t('drills.last.undone', { title: action.title });
  return (
    <p className="muted small drill-last" role="status" data-testid="last-action" data-kind={action?.kind ?? ''}>
      {text}
    </p>
  );
}

function Session({ queue }: { queue: DueQueue }) {
  const { t } = useTranslation();
  const touch = useTouchScreen();
  const due = useDue();
  const session = useDrillSession(queue.cards[0]);
  useDrillKeys(session);
  const { active } = session;
  return (
    <>
      <Card className="drill-top" aria-label={t('drills.progress.label')}>
        <Progress queue={due.data ?? queue} reviewed={session.reviewed} />
        <StatsStrip />
      </Card>
      <LastActionLine action={session.lastAction} />
      {session.error ? <Alert>{session.error}</Alert> : null}
      {active ? (
        <DrillCard key={active.card.questionId} active={active} session={session} />
      ) : (
        <Card className="drill-empty" data-testid="drill-empty">
          <h2 className="card__title">{t(session.reviewed > 0 ? 'drills.empty.doneTitle' : 'drills.empty.title')}</h2>
          <p className="muted">{t(session.reviewed > 0 ? 'drills.empty.done' : 'drills.empty.lead')}</p>
          {session.canUndo && !touch ? <p className="muted small">{t('drills.empty.undoHint')}</p> : null}
        </Card>
      )}
      <Card className="drill-add-card">
        <AddTopic onAdded={() => void session.resume()} />
      </Card>
    </>
  );
}

/** The drill page: today's queue, one card at a time. */
export function DrillScreen() {
  const { t } = useTranslation();
  const due = useDue();
  // The session starts from the first load; later loads only update the counts.
  const [initial, setInitial] = useState<DueQueue | null>(null);
  if (!initial && due.data) setInitial(due.data);
  if (due.error && !initial) return <Alert>{isApiError(due.error) ? due.error.message : t('drills.error')}</Alert>;
  if (!initial) return <Spinner label={t('drills.loading')} />;
  return <Session queue={initial} />;
}
