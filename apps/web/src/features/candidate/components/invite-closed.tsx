import { useTranslation } from 'react-i18next';

export type ClosedReason = 'expired' | 'used' | 'revoked' | 'invalid' | 'missing' | 'rate-limited';

/** A clear page for a link that cannot be used (never an error screen). */
export function InviteClosed({ reason }: { reason: ClosedReason }) {
  const { t } = useTranslation();
  return (
    <section className="card take-card" data-testid="invite-closed" data-reason={reason}>
      <h1 className="take-card__title">{t(`candidate.closed.${reason}.title`)}</h1>
      <p>{t(`candidate.closed.${reason}.body`)}</p>
      <p className="muted small">{t('candidate.closed.contact')}</p>
    </section>
  );
}
