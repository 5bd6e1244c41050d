import { useTranslation } from 'react-i18next';
import { AuthLayout } from '@/components/layout/auth-layout';
import { ForgotPasswordForm } from '@/features/auth/components/forgot-password-form';

export function Component() {
  const { t } = useTranslation();
  return (
    <AuthLayout title={t('auth.forgot.title')} lead={t('auth.forgot.lead')}>
      <title>{`${t('auth.forgot.title')} · goprep`}</title>
      <ForgotPasswordForm />
    </AuthLayout>
  );
}
