import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { PageHeader } from '@/components/ui/page-header';
import { AcceptInvite } from '@/features/account/components/accept-invite';

export function Component() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  return (
    <>
      <title>{`${t('account.invite.title')} · goprep`}</title>
      <PageHeader title={t('account.invite.title')} />
      <AcceptInvite token={token} />
    </>
  );
}
