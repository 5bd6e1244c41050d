import { useTranslation } from 'react-i18next';
import { PageHeader } from '@/components/ui/page-header';
import { ApiTokensCard } from '@/features/api-tokens/components/api-tokens-card';
import { ContentLanguageCard } from '@/features/account/components/content-language';
import { Organizations } from '@/features/account/components/organizations';
import { ProfileCard } from '@/features/account/components/profile-card';
import { ChangePasswordCard } from '@/features/auth/components/change-password-form';
import { useUser } from '@/lib/auth';

const PERSONAL = { kind: 'personal' } as const;
/** A learner's personal tokens may only read the bank; managers' and admins' may also act on their organizations. */
const ALL_SCOPES = ['results:read', 'sets:manage', 'invites:manage', 'bank:read'] as const;

export function Component() {
  const { t } = useTranslation();
  const { data: user } = useUser();
  return (
    <>
      <title>{`${t('nav.account')} · goprep`}</title>
      <PageHeader title={t('account.title')} />
      <div className="stack">
        {user ? <ProfileCard user={user} /> : null}
        {user ? <ContentLanguageCard user={user} /> : null}
        {user ? <ChangePasswordCard /> : null}
        <Organizations />
        {user ? <ApiTokensCard owner={PERSONAL} scopes={user.role === 'learner' ? ['bank:read'] : ALL_SCOPES} /> : null}
      </div>
    </>
  );
}
