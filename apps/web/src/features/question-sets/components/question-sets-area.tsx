import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { AreaCard } from '@/components/ui/area-card';
import { Badge } from '@/components/ui/badge';
import { Spinner } from '@/components/ui/spinner';
import { Alert } from '@/components/ui/alert';
import { useChosenOrg } from '@/lib/chosen-org';
import { useSets } from '../api/get-sets';
import { setPath, setsPath } from './set-tabs';

const SHOWN = 5;

/** The Hiring page's entry to question sets: the most recently changed sets of the chosen org. */
export function QuestionSetsArea() {
  const { t } = useTranslation();
  // The same org the organization-questions area shows (its selector writes ?org=).
  const { org } = useChosenOrg();
  const sets = useSets(org?.id);
  const recent = [...(sets.data ?? [])].sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : -1)).slice(0, SHOWN);

  return (
    <AreaCard
      titleId="qs-area-title"
      title={t('questionSets.title')}
      lead={t('questionSets.lead')}
      data-testid="question-sets-area"
      action={
        org ? (
          <Link to={setsPath(org.id)} className="btn btn--primary" data-testid="open-question-sets">
            {t('questionSets.area.open')}
          </Link>
        ) : null
      }
    >
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
    </AreaCard>
  );
}
