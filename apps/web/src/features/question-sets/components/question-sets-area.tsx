import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { Spinner } from '@/components/ui/spinner';
import { Alert } from '@/components/ui/alert';
import { useUser } from '@/lib/auth';
import { useSets } from '../api/get-sets';
import { setPath, setsPath } from './set-tabs';

const SHOWN = 5;

/** The Hiring page's entry to question sets: the most recently changed sets of the chosen org. */
export function QuestionSetsArea() {
  const { t } = useTranslation();
  const { data: user } = useUser();
  const [params] = useSearchParams();
  const orgs = user?.organizations ?? [];
  // The same org the organization-questions area shows (its selector writes ?org=).
  const org = orgs.find((o) => o.id === params.get('org')) ?? orgs[0];
  const sets = useSets(org?.id);
  const recent = [...(sets.data ?? [])].sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : -1)).slice(0, SHOWN);

  return (
    <Card aria-labelledby="qs-area-title" data-testid="question-sets-area">
      <div className="oq-header">
        <div>
          <h2 id="qs-area-title" className="card__title">
            {t('questionSets.title')}
          </h2>
          <p className="muted">{t('questionSets.lead')}</p>
        </div>
        {org ? (
          <Link to={setsPath(org.id)} className="btn btn--primary" data-testid="open-question-sets">
            {t('questionSets.area.open')}
          </Link>
        ) : null}
      </div>
      {!org ? (
        <p className="empty">{t('questionSets.area.noOrg')}</p>
      ) : sets.isPending ? (
        <Spinner label={t('common.loading')} />
      ) : sets.isError ? (
        <Alert>{t('errors.loadFailed')}</Alert>
      ) : recent.length === 0 ? (
        <p className="empty">{t('questionSets.list.empty')}</p>
      ) : (
        <ul className="qs-recent">
          {recent.map((s) => (
            <li key={s.id}>
              <Link to={setPath(org.id, s.id)}>{s.title}</Link>{' '}
              <Badge tone={s.latestState === 'published' ? 'easy' : 'accent'}>
                {t('questionSets.list.versionState', { version: s.latestVersion, state: t(`questionSets.state.${s.latestState}`) })}
              </Badge>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
