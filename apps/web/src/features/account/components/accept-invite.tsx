import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { isApiError } from '@/lib/api-client';
import { useAcceptInvite } from '../api/accept-invite';

/** Joining is an explicit click, not a side effect of opening the link (links get prefetched). */
export function AcceptInvite({ token }: { token: string }) {
  const { t } = useTranslation();
  const accept = useAcceptInvite();

  if (accept.isSuccess) {
    return (
      <Card>
        <Alert tone="success">{t('account.invite.joined', { name: accept.data.name })}</Alert>
        <Link className="btn btn--primary" to="/account">
          {t('account.invite.toAccount')}
        </Link>
      </Card>
    );
  }

  const error = accept.isError
    ? isApiError(accept.error) && (accept.error.status === 404 || accept.error.status === 410 || accept.error.status === 400)
      ? t('account.invite.invalid')
      : isApiError(accept.error)
        ? accept.error.message
        : t('errors.network')
    : null;

  return (
    <Card>
      <p>{t('account.invite.explain')}</p>
      <Alert>{error}</Alert>
      <div className="actions">
        <Button onClick={() => accept.mutate(token)} loading={accept.isPending}>
          {t('account.invite.accept')}
        </Button>
        <Link className="btn btn--ghost" to="/">
          {t('common.cancel')}
        </Link>
      </div>
    </Card>
  );
}
