import { useDeferredValue, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Markdown } from '@/components/ui/markdown';
import { Spinner } from '@/components/ui/spinner';
import { TextField } from '@/components/ui/text-field';
import { useAddNote, useNotes } from '../api/notes';
import { usePanel } from '../api/get-panel';
import { usePushQuestion } from '../api/room-actions';
import type { PanelQuestion, Room } from '../types';

/**
 * The interviewer's side panel: the bank for this room's role and level with each question's
 * key, explanation, rubric and follow-ups, "push to candidate", and private notes. Only the
 * interviewer renders it, and the endpoints behind it refuse anyone else.
 */
export function InterviewerPanel({ room }: { room: Room }) {
  const { t } = useTranslation();
  const [tab, setTab] = useState<'questions' | 'notes'>('questions');
  return (
    <aside className="card room__panel" aria-label={t('rooms.panel.title')} data-testid="interviewer-panel">
      <div className="room__panel-tabs" role="tablist" aria-label={t('rooms.panel.title')}>
        <button type="button" role="tab" aria-selected={tab === 'questions'} className={tab === 'questions' ? 'room__tab room__tab--active' : 'room__tab'} onClick={() => setTab('questions')}>
          {t('rooms.panel.questions')}
        </button>
        <button type="button" role="tab" aria-selected={tab === 'notes'} className={tab === 'notes' ? 'room__tab room__tab--active' : 'room__tab'} onClick={() => setTab('notes')}>
          {t('rooms.panel.notes')}
        </button>
      </div>
      <p className="muted room__private">{t('rooms.panel.private')}</p>
      {tab === 'questions' ? <QuestionBrowser room={room} /> : <Notes roomId={room.id} />}
    </aside>
  );
}

function QuestionBrowser({ room }: { room: Room }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [topic, setTopic] = useState('');
  const filter = useDeferredValue({ q, topic });
  const panel = usePanel(room.id, filter);
  const push = usePushQuestion(room.id);
  const [open, setOpen] = useState<string | null>(null);
  const topics = [...new Set((panel.data ?? []).map((x) => x.topic))].sort();
  const askedIds = new Set(room.asked.map((a) => a.questionId));
  return (
    <div className="room__browser">
      <div className="room__filters">
        <TextField label={t('rooms.panel.search')} type="search" value={q} onChange={(e) => setQ(e.target.value)} data-testid="panel-search" />
        <div className="field">
          <label className="field__label" htmlFor="panel-topic">
            {t('rooms.panel.topic')}
          </label>
          <select id="panel-topic" className="input select" value={topic} onChange={(e) => setTopic(e.target.value)}>
            <option value="">{t('rooms.panel.allTopics')}</option>
            {[...new Set([topic, ...topics].filter(Boolean))].map((x) => (
              <option key={x} value={x}>
                {x}
              </option>
            ))}
          </select>
        </div>
      </div>
      {panel.isPending ? <Spinner label={t('common.loading')} /> : null}
      <Alert>{panel.isError ? panel.error.message : push.isError ? push.error.message : null}</Alert>
      {panel.data && panel.data.length === 0 ? <p className="muted">{t('rooms.panel.none')}</p> : null}
      <ul className="room__questions" data-testid="panel-questions">
        {(panel.data ?? []).map((question) => (
          <li key={question.id} className="room__question" data-question-id={question.id}>
            <button type="button" className="room__question-head" aria-expanded={open === question.id} onClick={() => setOpen(open === question.id ? null : question.id)}>
              <span>{question.title}</span>
              <span className="muted">
                {question.topic} · {question.type}
                {askedIds.has(question.id) ? ` · ${t('rooms.panel.asked')}` : ''}
              </span>
            </button>
            {open === question.id ? (
              <QuestionDetail question={question} pushing={push.isPending && push.variables === question.id} onPush={() => push.mutate(question.id)} />
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}

function formatKey(key: unknown): string {
  if (key === null || key === undefined) return '';
  if (typeof key === 'string') return key;
  return JSON.stringify(key, null, 2);
}

function QuestionDetail({ question, pushing, onPush }: { question: PanelQuestion; pushing: boolean; onPush: () => void }) {
  const { t } = useTranslation();
  const key = formatKey(question.key);
  return (
    <div className="room__detail">
      <Markdown source={question.prompt} className="room__markdown" />
      {key ? (
        <>
          <h3>{t('rooms.panel.key')}</h3>
          <pre className="room__key" data-testid="panel-key">
            {key}
          </pre>
        </>
      ) : null}
      {question.explanation ? (
        <>
          <h3>{t('rooms.panel.explanation')}</h3>
          <Markdown source={question.explanation} className="room__markdown" />
        </>
      ) : null}
      {question.rubric?.length ? (
        <>
          <h3>{t('rooms.panel.rubric')}</h3>
          <ul>
            {question.rubric.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        </>
      ) : null}
      {question.followUps?.length ? (
        <>
          <h3>{t('rooms.panel.followUps')}</h3>
          {/* Follow-ups are one line of Markdown each (code spans): rendered as one list. */}
          <div data-testid="panel-follow-ups">
            <Markdown source={question.followUps.map((f) => `- ${f}`).join('\n')} className="room__markdown" />
          </div>
        </>
      ) : null}
      <Button size="sm" onClick={onPush} loading={pushing} data-testid="push-question">
        {question.codeTask ? t('rooms.panel.pushTask') : t('rooms.panel.push')}
      </Button>
    </div>
  );
}

function Notes({ roomId }: { roomId: string }) {
  const { t } = useTranslation();
  const notes = useNotes(roomId);
  const add = useAddNote(roomId);
  const [body, setBody] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const text = body.trim();
    if (!text) return;
    add.mutate(text, { onSuccess: () => setBody('') });
  };
  return (
    <div className="room__notes">
      <ol className="room__note-list" data-testid="room-notes">
        {(notes.data ?? []).map((n) => (
          <li key={n.id}>
            <time dateTime={n.at} className="muted">
              {new Date(n.at).toLocaleTimeString()}
            </time>{' '}
            {n.body}
          </li>
        ))}
      </ol>
      {notes.data && notes.data.length === 0 ? <p className="muted">{t('rooms.panel.noNotes')}</p> : null}
      <form onSubmit={submit} className="room__note-form">
        <label className="field__label" htmlFor="room-note">
          {t('rooms.panel.note')}
        </label>
        <textarea
          id="room-note"
          className="input textarea"
          rows={3}
          maxLength={2000}
          value={body}
          onChange={(e) => setBody(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) submit(e);
          }}
          data-testid="note-input"
        />
        <Alert>{add.isError ? add.error.message : null}</Alert>
        <Button type="submit" size="sm" loading={add.isPending} disabled={!body.trim()} data-testid="add-note">
          {t('rooms.panel.addNote')}
        </Button>
      </form>
    </div>
  );
}
