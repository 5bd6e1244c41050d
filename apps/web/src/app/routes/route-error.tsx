import { useTranslation } from 'react-i18next';
import { isRouteErrorResponse, useRouteError } from 'react-router';

/** Last-resort screen: a failed chunk load (after a deploy) or an unexpected render error. */
export function RouteError() {
  const { t } = useTranslation();
  const error = useRouteError();
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  return (
    <main id="main-content" className="center-page">
      <div className="card center-card" role="alert">
        <h1>{notFound ? t('notFound.title') : t('errors.unexpectedTitle')}</h1>
        <p className="muted">{notFound ? t('notFound.body') : t('errors.unexpected')}</p>
        <div className="actions">
          <button type="button" className="btn btn--primary" onClick={() => window.location.reload()}>
            {t('common.reload')}
          </button>
          <a className="btn btn--ghost" href="/">
            {t('common.home')}
          </a>
        </div>
      </div>
    </main>
  );
}
