import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '@/components/ui/page-header';
import { UnfinishedAttempts } from '@/features/quizzes/components/unfinished-attempts';
import { useUser } from '@/lib/auth';
import { loadNamespaces } from '@/lib/i18n';

// The drills summary and its messages load after the page shell: a signed-out visit to `/`
// (redirected to the login form) never fetches them.
const DrillsSummary = lazy(async () => {
  const [module] = await Promise.all([import('@/features/drills/components/drills-dashboard'), loadNamespaces(['drillsDashboard'])]);
  return { default: module.DrillsSummary };
});

const SECTIONS = [
  { to: '/practice', key: 'practice', icon: 'M4 6h16M4 12h10M4 18h7' },
  { to: '/drills', key: 'drills', icon: 'M12 4v4m0 8v4M4 12h4m8 0h4M12 12m-3 0a3 3 0 1 0 6 0a3 3 0 1 0 -6 0' },
  { to: '/hiring', key: 'hiring', icon: 'M9 11a3 3 0 1 0 0-6 3 3 0 0 0 0 6zm-6 9a6 6 0 0 1 12 0M17 8h4m-2-2v4' },
  { to: '/account', key: 'account', icon: 'M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8zm-8 9a8 8 0 0 1 16 0' },
] as const;

export function Component() {
  const { t } = useTranslation();
  const { data: user } = useUser();
  return (
    <>
      <title>{`${t('dashboard.title')} · goprep`}</title>
      <PageHeader title={t('dashboard.greeting', { name: user?.displayName ?? '' })} lead={t('dashboard.lead')} />
      <UnfinishedAttempts />
      <ul className="card-grid" data-testid="dashboard-cards">
        {SECTIONS.map((s) => (
          <li key={s.to}>
            <Link to={s.to} className="card nav-card">
              <svg viewBox="0 0 24 24" width="28" height="28" aria-hidden="true" className="nav-card__icon">
                <path d={s.icon} fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" />
              </svg>
              <span className="nav-card__title">{t(`nav.${s.key}`)}</span>
              <span className="nav-card__text">{t(`dashboard.cards.${s.key}`)}</span>
            </Link>
          </li>
        ))}
      </ul>
      <Suspense fallback={null}>
        <DrillsSummary />
      </Suspense>
    </>
  );
}
