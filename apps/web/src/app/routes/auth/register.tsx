import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { AuthLayout } from '@/components/layout/auth-layout';
import { RegisterForm } from '@/features/auth/components/register-form';
import { safeRedirect } from '@/features/auth/utils/validation';
import { useUser } from '@/lib/auth';

export function Component() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const user = useUser();
  const redirectTo = safeRedirect(params.get('redirectTo'));

  if (user.data) return <Navigate to={redirectTo} replace />;

  const loginHref = params.get('redirectTo') ? `/login?redirectTo=${encodeURIComponent(redirectTo)}` : '/login';
  return (
    <AuthLayout title={t('auth.register.title')} lead={t('auth.register.lead')}>
      <title>{`${t('auth.register.title')} · goprep`}</title>
      <RegisterForm loginHref={loginHref} onSuccess={() => void navigate(redirectTo, { replace: true })} />
    </AuthLayout>
  );
}
