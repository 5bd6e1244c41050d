import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { SelectField } from '@/components/ui/select-field';
import { Spinner } from '@/components/ui/spinner';
import { TextField } from '@/components/ui/text-field';
import { isApiError } from '@/lib/api-client';
import { useUser } from '@/lib/auth';
import { useCreateSet } from '../api/create-set';
import { exportUrl } from '../api/export-set';
import { useSets, type SetListItem } from '../api/get-sets';
import { useTemplates } from '../api/get-templates';
import { useImportSet, type SetExport } from '../api/import-set';
import { useArchiveSet, useDuplicateSet, useUnarchiveSet } from '../api/set-actions';
import { dateLabel } from './labels';
import { setPath } from './set-tabs';

import '../question-sets.css';

function errorText(t: (k: string) => string, error: unknown): string {
  if (!isApiError(error)) return t('errors.network');
  const fields = error.fields.slice(0, 5).map((f) => `${f.field}: ${f.message}`);
  return [error.message, ...fields].join(' · ');
}

function CreateSetForm({ orgId }: { orgId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const templates = useTemplates();
  const create = useCreateSet();
  const [title, setTitle] = useState('');
  const [start, setStart] = useState('');
  const [touched, setTouched] = useState(false);

  const options = [
    { value: '', label: t('questionSets.create.blank') },
    ...(templates.data ?? []).flatMap((tpl) =>
      tpl.levels.map((level) => ({
        value: `${tpl.id}/${level.level}`,
        label: t('questionSets.create.templateOption', { title: tpl.title, level: t(`questionSets.levels.${level.level}`), questions: level.questions, minutes: Math.round(level.timeLimitSeconds / 60) }),
      })),
    ),
  ];

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (!title.trim()) return;
    const [templateId, level] = start.split('/');
    create.mutate(
      { orgId, body: { title: title.trim(), ...(templateId ? { templateId, level: level as 'junior' | 'senior' | 'staff' } : {}) } },
      { onSuccess: (set) => navigate(setPath(orgId, set.id)) },
    );
  };

  return (
    <form className="qs-create" onSubmit={onSubmit} noValidate aria-label={t('questionSets.create.title')} data-testid="create-set">
      <TextField label={t('questionSets.create.name')} name="new-set-title" value={title} maxLength={200} onChange={(e) => setTitle(e.target.value)} error={touched && !title.trim() ? t('questionSets.errors.titleRequired') : undefined} />
      <SelectField label={t('questionSets.create.start')} name="new-set-template" value={start} onChange={(e) => setStart(e.target.value)} options={options} />
      <Button type="submit" loading={create.isPending}>
        {t('questionSets.create.submit')}
      </Button>
      <div className="qs-span">
        <Alert>{create.isError ? errorText(t, create.error) : null}</Alert>
      </div>
    </form>
  );
}

function ImportButton({ orgId }: { orgId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const input = useRef<HTMLInputElement>(null);
  const importSet = useImportSet();
  const [problem, setProblem] = useState<string>();

  const onFile = async (file: File | undefined) => {
    setProblem(undefined);
    if (!file) return;
    let body: SetExport;
    try {
      body = JSON.parse(await file.text()) as SetExport;
    } catch {
      setProblem(t('questionSets.import.notJson', { name: file.name }));
      return;
    }
    importSet.mutate({ orgId, body }, { onSuccess: (set) => navigate(setPath(orgId, set.id)) });
  };

  return (
    <div className="qs-import">
      <input
        ref={input}
        type="file"
        accept="application/json,.json"
        className="visually-hidden"
        tabIndex={-1}
        aria-hidden="true"
        data-testid="import-file"
        onChange={(e) => {
          void onFile(e.target.files?.[0]);
          e.target.value = '';
        }}
      />
      <Button variant="secondary" loading={importSet.isPending} onClick={() => input.current?.click()}>
        {t('questionSets.import.button')}
      </Button>
      <Alert>{problem ?? (importSet.isError ? errorText(t, importSet.error) : null)}</Alert>
    </div>
  );
}

function SetRow({ orgId, set, onDone }: { orgId: string; set: SetListItem; onDone: (message: string) => void }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const duplicate = useDuplicateSet();
  const archive = useArchiveSet();
  const unarchive = useUnarchiveSet();
  const error = duplicate.error ?? archive.error ?? unarchive.error;

  return (
    <li className="oq-row qs-set-row" data-testid="set-row" data-set-id={set.id}>
      <div className="oq-row__main">
        <Link to={setPath(orgId, set.id)} className="oq-row__title">
          {set.title}
        </Link>
        <span className="question-row__meta">
          <Badge tone={set.latestState === 'published' ? 'easy' : 'accent'}>
            {t('questionSets.list.versionState', { version: set.latestVersion, state: t(`questionSets.state.${set.latestState}`) })}
          </Badge>
          {set.publishedVersion && set.latestState === 'draft' ? <span className="muted small">{t('questionSets.list.livePublished', { version: set.publishedVersion })}</span> : null}
          {set.archivedAt ? <Badge>{t('questionSets.list.archived')}</Badge> : null}
          <span className="muted small">{t('questionSets.list.items', { count: set.itemCount, questions: set.questionCount })}</span>
          <span className="muted small">{t('questionSets.list.updated', { date: dateLabel(set.updatedAt, i18n.language) })}</span>
        </span>
      </div>
      <div className="oq-row__actions">
        <Link to={setPath(orgId, set.id)} className="btn btn--secondary btn--sm" aria-label={t('questionSets.list.openNamed', { title: set.title })}>
          {t('questionSets.list.open')}
        </Link>
        <button
          type="button"
          className="btn btn--ghost btn--sm"
          disabled={duplicate.isPending}
          aria-label={t('questionSets.list.duplicateNamed', { title: set.title })}
          onClick={() => duplicate.mutate({ orgId, setId: set.id }, { onSuccess: (copy) => navigate(setPath(orgId, copy.id)) })}
        >
          {t('questionSets.list.duplicate')}
        </button>
        {set.archivedAt ? (
          <button
            type="button"
            className="btn btn--ghost btn--sm"
            aria-label={t('questionSets.list.unarchiveNamed', { title: set.title })}
            onClick={() => unarchive.mutate({ orgId, setId: set.id }, { onSuccess: () => onDone(t('questionSets.list.unarchivedDone', { title: set.title })) })}
          >
            {t('questionSets.list.unarchive')}
          </button>
        ) : (
          <button
            type="button"
            className="btn btn--ghost btn--sm"
            aria-label={t('questionSets.list.archiveNamed', { title: set.title })}
            onClick={() => archive.mutate({ orgId, setId: set.id }, { onSuccess: () => onDone(t('questionSets.list.archivedDone', { title: set.title })) })}
          >
            {t('questionSets.list.archive')}
          </button>
        )}
        <a className="btn btn--ghost btn--sm" href={exportUrl(orgId, set.id, 'json')} download aria-label={t('questionSets.list.exportNamed', { title: set.title, format: 'JSON' })}>
          {t('questionSets.list.export', { format: 'JSON' })}
        </a>
        <a className="btn btn--ghost btn--sm" href={exportUrl(orgId, set.id, 'gift')} download aria-label={t('questionSets.list.exportNamed', { title: set.title, format: 'GIFT' })}>
          {t('questionSets.list.export', { format: 'GIFT' })}
        </a>
      </div>
      {error ? (
        <div className="qs-span">
          <Alert>{errorText(t, error)}</Alert>
        </div>
      ) : null}
    </li>
  );
}

/** The org's question sets: create (blank or from a role template), import, and per set open, duplicate, archive, export. */
export function SetListPage({ orgId }: { orgId: string }) {
  const { t } = useTranslation();
  const { data: user } = useUser();
  const [archived, setArchived] = useState(false);
  const [done, setDone] = useState<string>();
  const sets = useSets(orgId, archived);
  const org = user?.organizations.find((o) => o.id === orgId);

  return (
    <>
      <title>{`${t('questionSets.title')} · goprep`}</title>
      <Link to={`/hiring?org=${encodeURIComponent(orgId)}`} className="back-link">
        ← {t('questionSets.backToHiring')}
      </Link>
      <PageHeader title={t('questionSets.title')} lead={org ? t('questionSets.leadOrg', { org: org.name }) : t('questionSets.lead')} actions={<ImportButton orgId={orgId} />} />
      <div className="stack">
        <Card aria-labelledby="qs-create-title">
          <h2 id="qs-create-title" className="card__title">
            {t('questionSets.create.title')}
          </h2>
          <CreateSetForm orgId={orgId} />
        </Card>
        <Card aria-labelledby="qs-list-title" data-testid="set-list-card">
          <div className="oq-header">
            <h2 id="qs-list-title" className="card__title">
              {archived ? t('questionSets.list.archivedTitle') : t('questionSets.list.title')}
            </h2>
            <label className="qs-check">
              <input type="checkbox" checked={archived} onChange={(e) => setArchived(e.target.checked)} data-testid="show-archived" />
              {t('questionSets.list.showArchived')}
            </label>
          </div>
          <Alert tone="success">{done ?? null}</Alert>
          {sets.isPending ? (
            <Spinner label={t('common.loading')} />
          ) : sets.isError ? (
            <Alert>{isApiError(sets.error) && sets.error.status === 404 ? t('questionSets.orgNotFound') : t('errors.loadFailed')}</Alert>
          ) : sets.data.length === 0 ? (
            <p className="empty">{archived ? t('questionSets.list.noArchived') : t('questionSets.list.empty')}</p>
          ) : (
            <ul className="oq-list" data-testid="set-list">
              {sets.data.map((s) => (
                <SetRow key={s.id} orgId={orgId} set={s} onDone={setDone} />
              ))}
            </ul>
          )}
        </Card>
      </div>
    </>
  );
}
