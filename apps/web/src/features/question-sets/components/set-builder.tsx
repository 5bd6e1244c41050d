import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { Spinner } from '@/components/ui/spinner';
import { isApiError } from '@/lib/api-client';
import { formFromVersion, learnFromSet } from '../api/convert';
import type { BankQuestion } from '../api/get-bank';
import { useSet, type QuestionSet } from '../api/get-set';
import { usePublishSet, useUnarchiveSet } from '../api/set-actions';
import { clearBackup, readBackup, useDraftAutosave } from '../hooks/use-draft-autosave';
import { hasQuestion, newKey, parseNumber, problemsOf, questionCount, sameContent, totalPoints, type DraftForm, type ItemForm } from '../utils/draft-form';
import { expectedTime } from '../utils/expected-time';
import { BankBrowser } from './bank-browser';
import { HistoryCard } from './history-card';
import { ItemsEditor } from './items-editor';
import { PoolForm } from './pool-form';
import { QuestionPreview } from './question-preview';
import { SaveIndicator } from './save-indicator';
import { SetTabs, setsPath } from './set-tabs';
import { SettingsCard } from './settings-card';
import { SummaryCard } from './summary-card';
import { VersionsCard } from './versions-card';

import '../question-sets.css';

/**
 * The average expected time of a pool question, from the server's summary of the saved content
 * (which counts each pool as count x the mean of its eligible questions).
 */
function poolAverage(set: QuestionSet): number | undefined {
  const pooled = set.current.items.reduce((sum, item) => sum + (item.kind === 'pool' ? (item.count ?? 0) : 0), 0);
  if (!pooled) return undefined;
  const fixed = set.current.items.reduce((sum, item) => sum + (item.kind === 'fixed' ? (item.question?.expectedSeconds ?? 0) : 0), 0);
  return Math.max(0, (set.summary.expectedSeconds - fixed) / pooled);
}

function Builder({ orgId, set }: { orgId: string; set: QuestionSet }) {
  const { t } = useTranslation();
  const initial = useMemo(() => formFromVersion(set.current), []); // eslint-disable-line react-hooks/exhaustive-deps
  const [form, setForm] = useState<DraftForm>(initial);
  // The builder reads questions in the set's language; "candidate chooses" leaves it to the reader's own.
  const bankLocale = form.language === 'candidate-chooses' ? undefined : form.language;
  const [savedKeys, setSavedKeys] = useState(() => initial.items.map((i) => i.key));
  const [backup, setBackup] = useState(() => {
    const kept = readBackup(set.id);
    return kept && !sameContent(kept, initial) ? kept : undefined;
  });
  const [mode, setMode] = useState<'bank' | 'pool'>('bank');
  const [previewId, setPreviewId] = useState<string>();
  const [itemPreview, setItemPreview] = useState<string>();
  const [notice, setNotice] = useState('');
  const [confirming, setConfirming] = useState(false);
  const publish = usePublishSet();
  const unarchive = useUnarchiveSet();
  const confirmRef = useRef<HTMLButtonElement>(null);
  const archived = Boolean(set.archivedAt);

  const onSaved = useCallback((saved: QuestionSet, sent: DraftForm) => {
    setSavedKeys(sent.items.map((i) => i.key));
    setForm((f) => learnFromSet(saved, f));
  }, []);

  const autosave = useDraftAutosave({ orgId, setId: set.id, form, initial, enabled: !archived, learn: learnFromSet, onSaved });
  const problems = useMemo(() => problemsOf(form), [form]);

  // Focus moves into the confirmation, and back to the Publish button when it closes.
  const wasConfirming = useRef(false);
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
    else if (wasConfirming.current) document.querySelector<HTMLButtonElement>('[data-testid="publish"]')?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);

  const patch = (p: Partial<DraftForm>) => setForm((f) => ({ ...f, ...p }));
  const setItems = (items: ItemForm[]) => setForm((f) => ({ ...f, items }));

  const addQuestion = (q: BankQuestion) => {
    if (hasQuestion(form, q.id)) return;
    setItems([...form.items, { key: newKey(), kind: 'fixed', questionId: q.id, points: '1', info: { title: q.title, topic: q.topic, type: q.type, difficulty: q.difficulty } }]);
    setNotice(t('questionSets.items.added', { name: q.title }));
  };

  // Server facts (pool shortfalls, eligible counts) are by position in the saved items.
  const shortfalls = new Map(
    set.summary.shortfalls.flatMap((s) => {
      const key = savedKeys[s.item];
      return key ? [[key, s] as const] : [];
    }),
  );
  const eligible = new Map(
    set.current.items.flatMap((item, i) => {
      const key = savedKeys[i];
      return item.kind === 'pool' && item.eligible !== undefined && key ? [[key, item.eligible] as const] : [];
    }),
  );
  const average = poolAverage(set);
  // Saved content: the server's figure. Unsaved edits: an estimate from it until the next save.
  const estimate = autosave.dirty ? expectedTime(form.items, () => average) : { seconds: set.summary.expectedSeconds, approximate: false };
  const byTopic = new Map<string, number>();
  for (const item of form.items) {
    const topic = item.kind === 'fixed' ? item.info?.topic : item.topic;
    const n = item.kind === 'fixed' ? 1 : parseNumber(item.count) || 0;
    if (topic) byTopic.set(topic, (byTopic.get(topic) ?? 0) + n);
  }

  const latest = set.versions.reduce((max, v) => Math.max(max, v.version), 0);
  const draft = set.versions.find((v) => v.state === 'draft');
  const editingVersion = draft?.version ?? latest + 1;
  const publishedOnly = !draft;

  const onPublish = async () => {
    const ok = await autosave.flush();
    if (!ok) return;
    publish.mutate(
      { orgId, setId: set.id },
      {
        onSuccess: (published) => {
          setConfirming(false);
          setNotice(t('questionSets.publish.done', { version: published.current.version }));
        },
      },
    );
  };

  return (
    <>
      <title>{`${form.title || set.title} · goprep`}</title>
      <Link to={setsPath(orgId)} className="back-link">
        ← {t('questionSets.back')}
      </Link>
      <PageHeader
        title={form.title || set.title}
        lead={
          <span className="qs-head-meta">
            <Badge tone={publishedOnly ? 'easy' : 'accent'}>
              {publishedOnly ? t('questionSets.head.published', { version: latest }) : t('questionSets.head.draft', { version: editingVersion })}
            </Badge>
            {archived ? <Badge>{t('questionSets.list.archived')}</Badge> : null}
            {archived ? null : <SaveIndicator state={autosave.state} error={autosave.error} onRetry={() => void autosave.flush()} />}
          </span>
        }
        actions={
          archived ? (
            <Button variant="secondary" loading={unarchive.isPending} onClick={() => unarchive.mutate({ orgId, setId: set.id })}>
              {t('questionSets.list.unarchive')}
            </Button>
          ) : (
            <>
              <Button variant="secondary" disabled={!autosave.dirty || !autosave.valid} loading={autosave.state.status === 'saving'} onClick={() => void autosave.flush()} data-testid="save-now">
                {t('questionSets.save.now')}
              </Button>
              <Button disabled={publishedOnly && !autosave.dirty} onClick={() => setConfirming(true)} data-testid="publish">
                {t('questionSets.publish.button', { version: editingVersion })}
              </Button>
            </>
          )
        }
      />
      <SetTabs orgId={orgId} setId={set.id} />

      {confirming ? (
        <div
          className="oq-confirm qs-confirm"
          role="group"
          aria-labelledby="qs-publish-text"
          data-testid="publish-confirm"
          onKeyDown={(e) => {
            if (e.key === 'Escape') setConfirming(false);
          }}
        >
          <p id="qs-publish-text" className="oq-confirm__text">
            {t('questionSets.publish.confirm', { version: editingVersion })}
          </p>
          <div className="oq-row__actions">
            <button ref={confirmRef} type="button" className="btn btn--primary btn--sm" disabled={publish.isPending} aria-busy={publish.isPending || undefined} onClick={() => void onPublish()}>
              {t('questionSets.publish.yes', { version: editingVersion })}
            </button>
            <Button variant="secondary" size="sm" onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </Button>
          </div>
          <Alert>{publish.isError ? (isApiError(publish.error) ? publish.error.message : t('errors.network')) : null}</Alert>
        </div>
      ) : null}

      <Alert tone="success">{notice || null}</Alert>
      {backup ? (
        <div className="alert alert--info qs-backup" data-testid="backup-offer">
          <p>{t('questionSets.backup.found')}</p>
          <div className="oq-row__actions">
            <Button
              size="sm"
              onClick={() => {
                setForm({ ...backup, items: backup.items.map((item) => ({ ...item, key: newKey() })) });
                setBackup(undefined);
              }}
            >
              {t('questionSets.backup.restore')}
            </Button>
            <Button
              variant="ghost"
              size="sm"
              onClick={() => {
                clearBackup(set.id);
                setBackup(undefined);
              }}
            >
              {t('questionSets.backup.discard')}
            </Button>
          </div>
        </div>
      ) : null}
      {publishedOnly && !archived ? <p className="muted qs-note">{t('questionSets.head.editCreatesDraft', { version: latest + 1 })}</p> : null}

      <div className="qs-layout">
        <div className="qs-col">
          <SettingsCard form={form} problems={problems} readOnly={archived} onChange={patch} />
          <Card aria-labelledby="qs-items-title" data-testid="set-items-card">
            <h2 id="qs-items-title" className="card__title">
              {t('questionSets.items.title')}
            </h2>
            {itemPreview ? <QuestionPreview id={itemPreview} locale={bankLocale} onClose={() => setItemPreview(undefined)} /> : null}
            <ItemsEditor items={form.items} problems={problems} shortfalls={shortfalls} eligible={eligible} readOnly={archived} onChange={setItems} onPreview={setItemPreview} />
          </Card>
        </div>
        <div className="qs-col qs-col--side">
          <SummaryCard
            estimate={estimate}
            limitSeconds={parseNumber(form.timeLimitMinutes) * 60}
            questions={questionCount(form)}
            points={totalPoints(form)}
            byTopic={[...byTopic].map(([topic, count]) => ({ topic, count })).sort((a, b) => b.count - a.count)}
            shortfalls={shortfalls.size}
          />
          {archived ? null : (
            <Card aria-labelledby="qs-add-title" data-testid="set-add">
              <h2 id="qs-add-title" className="card__title">
                {t('questionSets.add.title')}
              </h2>
              <div className="qs-segmented" role="group" aria-label={t('questionSets.add.title')}>
                <button type="button" className="btn btn--sm" aria-pressed={mode === 'bank'} onClick={() => setMode('bank')}>
                  {t('questionSets.add.fixed')}
                </button>
                <button type="button" className="btn btn--sm" aria-pressed={mode === 'pool'} onClick={() => setMode('pool')}>
                  {t('questionSets.add.pool')}
                </button>
              </div>
              {mode === 'bank' ? (
                <BankBrowser isAdded={(id) => hasQuestion(form, id)} onAdd={addQuestion} disabled={archived} previewId={previewId} onPreview={setPreviewId} locale={bankLocale} />
              ) : (
                <PoolForm
                  disabled={archived}
                  onAdd={(pool) => {
                    setItems([...form.items, pool]);
                    setNotice(t('questionSets.items.added', { name: t('questionSets.pool.name', { count: Number(pool.count), topic: t(`topics.${pool.topic}`, { defaultValue: pool.topic }) }) }));
                  }}
                />
              )}
            </Card>
          )}
          <VersionsCard orgId={orgId} set={set} />
          <HistoryCard orgId={orgId} setId={set.id} />
        </div>
      </div>
    </>
  );
}

export function SetBuilderPage({ orgId, setId }: { orgId: string; setId: string }) {
  const { t } = useTranslation();
  const set = useSet(orgId, setId);
  if (set.isPending) return <Spinner label={t('common.loading')} />;
  if (set.isError) {
    return (
      <Card className="center-card">
        <Alert>{isApiError(set.error) && set.error.status === 404 ? t('questionSets.notFound') : t('errors.loadFailed')}</Alert>
        <Link to={setsPath(orgId)}>{t('questionSets.back')}</Link>
      </Card>
    );
  }
  return <Builder key={set.data.id} orgId={orgId} set={set.data} />;
}
