import { useTranslation } from 'react-i18next';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';

/** An honest placeholder: what the section will do, not a fake screen. */
export function ComingNext({ section, withHeader = true }: { section: 'hiring'; withHeader?: boolean }) {
  const { t } = useTranslation();
  const points = t(`${section}.points`, { returnObjects: true }) as unknown;
  return (
    <>
      {withHeader ? (
        <>
          <title>{`${t(`nav.${section}`)} · goprep`}</title>
          <PageHeader title={t(`nav.${section}`)} lead={t(`${section}.lead`)} />
        </>
      ) : null}
      <Card className="coming-next" aria-labelledby="coming-title">
        <span className="badge badge--accent">{t('comingNext.badge')}</span>
        <h2 id="coming-title" className="card__title">
          {t('comingNext.title')}
        </h2>
        <ul className="check-list">
          {(Array.isArray(points) ? (points as string[]) : []).map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      </Card>
    </>
  );
}
