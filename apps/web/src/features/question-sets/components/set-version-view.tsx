import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { Spinner } from '@/components/ui/spinner';
import { formFromVersion } from '../api/convert';
import { useSetVersion } from '../api/get-set-version';
import { ItemsEditor } from './items-editor';
import { dateLabel, durationLabel } from './labels';
import { setPath } from './set-tabs';

import '../question-sets.css';

/** A frozen version, read-only: what the candidates invited to it get. */
export function SetVersionPage({ orgId, setId, version }: { orgId: string; setId: string; version: number }) {
  const { t, i18n } = useTranslation();
  const query = useSetVersion(orgId, setId, version);
  const back = (
    <Link to={setPath(orgId, setId)} className="back-link">
      ← {t('questionSets.versions.back')}
    </Link>
  );
  if (query.isPending) return <Spinner label={t('common.loading')} />;
  if (query.isError) {
    return (
      <>
        {back}
        <Alert>{t('questionSets.versions.notFound')}</Alert>
      </>
    );
  }
  const v = query.data;
  const form = formFromVersion(v);
  return (
    <>
      <title>{`${v.title} · v${v.version} · goprep`}</title>
      {back}
      <PageHeader
        title={v.title}
        lead={
          <span className="qs-head-meta">
            <Badge tone={v.state === 'published' ? 'easy' : 'accent'}>{t('questionSets.versions.version', { version: v.version })}</Badge>
            <span>{t(`questionSets.state.${v.state}`)}</span>
            {v.publishedAt ? <span className="muted">{dateLabel(v.publishedAt, i18n.language)}</span> : null}
          </span>
        }
      />
      <div className="stack">
        <Card aria-labelledby="qs-v-settings">
          <h2 id="qs-v-settings" className="card__title">
            {t('questionSets.settings.title')}
          </h2>
          <dl className="details">
            <dt>{t('questionSets.summary.limit')}</dt>
            <dd>{durationLabel(t, v.timeLimitSeconds)}</dd>
            <dt>{t('questionSets.settings.overdue')}</dt>
            <dd>
              {t(`questionSets.overdue.${v.overduePolicy}`)}
              {v.overduePolicy === 'grace-period' ? ` (${durationLabel(t, v.submitGraceSeconds)})` : ''}
            </dd>
            <dt>{t('questionSets.settings.review')}</dt>
            <dd>{t(`questionSets.review.${v.reviewPolicy}`)}</dd>
            <dt>{t('questionSets.settings.language')}</dt>
            <dd>{t(`questionSets.language.${v.language}`)}</dd>
            <dt>{t('questionSets.settings.shuffle')}</dt>
            <dd>{v.shuffleOptions ? t('questionSets.yes') : t('questionSets.no')}</dd>
            {v.instructions ? (
              <>
                <dt>{t('questionSets.settings.instructions')}</dt>
                <dd className="qs-instructions">{v.instructions}</dd>
              </>
            ) : null}
          </dl>
        </Card>
        <Card aria-labelledby="qs-v-items">
          <h2 id="qs-v-items" className="card__title">
            {t('questionSets.items.title')}
          </h2>
          <ItemsEditor items={form.items} problems={[]} shortfalls={new Map()} eligible={new Map()} readOnly onChange={() => undefined} onPreview={() => undefined} />
        </Card>
      </div>
    </>
  );
}
