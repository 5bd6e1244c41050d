import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router';
import { AppLayout } from '@/components/layout/app-layout';
import { Spinner } from '@/components/ui/spinner';
import { useUser } from '@/lib/auth';

/** Everything under here needs a session; without one, go to log in and come back after. */
export function Component() {
  const { t } = useTranslation();
  const user = useUser();
  const location = useLocation();

  if (user.isPending) {
    return (
      <div className="center-page">
        <Spinner label={t('common.loading')} />
      </div>
    );
  }
  if (user.isError) {
    return (
      <div className="center-page">
        <div className="card center-card" role="alert">
          <h1>{t('errors.unexpectedTitle')}</h1>
          <p className="muted">{t('errors.server')}</p>
          <button type="button" className="btn btn--primary" onClick={() => void user.refetch()}>
            {t('common.retry')}
          </button>
        </div>
      </div>
    );
  }
  if (!user.data) {
    const back = location.pathname + location.search;
    return <Navigate to={back === '/' ? '/login' : `/login?redirectTo=${encodeURIComponent(back)}`} replace />;
  }
  return (
    <AppLayout user={user.data}>
      <Outlet />
    </AppLayout>
  );
}
