import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AuthLayout } from '@/components/layout/auth-layout';
import { ResetPasswordForm } from '@/features/auth/components/reset-password-form';

export function Component() {
  const { t } = useTranslation();
  // The token travels in the fragment (never sent to a server); take it once and drop it from the address bar.
  const [token] = useState(() => {
    const value = window.location.hash.slice(1);
    if (value) window.history.replaceState(window.history.state, '', window.location.pathname);
    return value;
  });
  return (
    <AuthLayout title={t('auth.reset.title')} lead={t('auth.reset.lead')}>
      <title>{`${t('auth.reset.title')} · goprep`}</title>
      <ResetPasswordForm token={token} />
    </AuthLayout>
  );
}
