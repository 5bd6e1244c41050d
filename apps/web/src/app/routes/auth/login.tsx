import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { AuthLayout } from '@/components/layout/auth-layout';
import { LoginForm } from '@/features/auth/components/login-form';
import { SsoSignIn } from '@/features/auth/components/sso-sign-in';
import { safeRedirect } from '@/features/auth/utils/validation';
import { useUser } from '@/lib/auth';

export function Component() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const user = useUser();
  const redirectTo = safeRedirect(params.get('redirectTo'));

  if (user.data) return <Navigate to={redirectTo} replace />;

  const registerHref = params.get('redirectTo') ? `/register?redirectTo=${encodeURIComponent(redirectTo)}` : '/register';
  return (
    <AuthLayout title={t('auth.login.title')} lead={t('auth.login.lead')}>
      <title>{`${t('auth.login.title')} · goprep`}</title>
      <LoginForm registerHref={registerHref} onSuccess={() => void navigate(redirectTo, { replace: true })} />
      <SsoSignIn errorCode={params.get('sso_error')} />
    </AuthLayout>
  );
}
