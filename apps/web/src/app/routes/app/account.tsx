import { useTranslation } from 'react-i18next';
import { PageHeader } from '@/components/ui/page-header';
import { ContentLanguageCard } from '@/features/account/components/content-language';
import { Organizations } from '@/features/account/components/organizations';
import { ProfileCard } from '@/features/account/components/profile-card';
import { ChangePasswordCard } from '@/features/auth/components/change-password-form';
import { useUser } from '@/lib/auth';

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
      </div>
    </>
  );
}
