import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export function Component() {
  const { t } = useTranslation();
  return (
    <div className="center-card card">
      <title>{`${t('notFound.title')} · goprep`}</title>
      <h1>{t('notFound.title')}</h1>
      <p className="muted">{t('notFound.body')}</p>
      <Link className="btn btn--primary" to="/">
        {t('common.home')}
      </Link>
    </div>
  );
}
