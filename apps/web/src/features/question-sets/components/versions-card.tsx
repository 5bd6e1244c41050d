import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import type { QuestionSet } from '../api/get-set';
import { exportUrl } from '../api/export-set';
import { dateLabel } from './labels';
import { setPath } from './set-tabs';

/** Every version: frozen published ones (viewable, exportable) and the draft being edited. */
export function VersionsCard({ orgId, set }: { orgId: string; set: QuestionSet }) {
  const { t, i18n } = useTranslation();
  const versions = [...set.versions].sort((a, b) => b.version - a.version);
  return (
    <Card aria-labelledby="qs-versions-title" data-testid="set-versions">
      <h2 id="qs-versions-title" className="card__title">
        {t('questionSets.versions.title')}
      </h2>
      <ul className="qs-versions">
        {versions.map((v) => (
          <li key={v.version} className="qs-version" data-testid="set-version" data-version={v.version} data-state={v.state}>
            <span className="qs-version__name">
              {v.state === 'published' ? (
                <Link to={`${setPath(orgId, set.id)}/versions/${v.version}`}>{t('questionSets.versions.version', { version: v.version })}</Link>
              ) : (
                t('questionSets.versions.version', { version: v.version })
              )}
            </span>
            <Badge tone={v.state === 'published' ? 'easy' : 'accent'}>{t(`questionSets.state.${v.state}`)}</Badge>
            <span className="muted small">
              {v.state === 'published'
                ? t('questionSets.versions.published', { date: dateLabel(v.publishedAt, i18n.language) })
                : t('questionSets.versions.draftSince', { date: dateLabel(v.createdAt, i18n.language) })}
              {' · '}
              {t('questionSets.versions.items', { count: v.itemCount })}
            </span>
            {v.state === 'published' ? (
              <span className="qs-version__links">
                <a href={exportUrl(orgId, set.id, 'json', v.version)} download>
                  JSON
                </a>
                <a href={exportUrl(orgId, set.id, 'gift', v.version)} download>
                  GIFT
                </a>
              </span>
            ) : null}
          </li>
        ))}
      </ul>
    </Card>
  );
}
