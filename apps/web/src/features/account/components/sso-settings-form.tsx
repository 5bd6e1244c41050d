import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Spinner } from '@/components/ui/spinner';
import { TextField } from '@/components/ui/text-field';
import { isApiError } from '@/lib/api-client';
import { useSaveSsoSettings, useSsoSettings } from '../api/sso-settings';
import { SsoDomains } from './sso-domains';

const DOMAIN = /^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

type Errors = {
  issuer?: string | undefined;
  clientId?: string | undefined;
  clientSecret?: string | undefined;
  domains?: string | undefined;
};

/** An organization's OpenID Connect provider; the stored client secret is only ever shown as "set". */
export function SsoSettingsForm({ orgId, orgName }: { orgId: string; orgName: string }) {
  const { t } = useTranslation();
  const settings = useSsoSettings(orgId);
  const save = useSaveSsoSettings(orgId);
  const [issuer, setIssuer] = useState('');
  const [clientId, setClientId] = useState('');
  const [clientSecret, setClientSecret] = useState('');
  const [domains, setDomains] = useState('');
  const [required, setRequired] = useState(false);
  const [enabled, setEnabled] = useState(true);
  const [errors, setErrors] = useState<Errors>({});
  const [saved, setSaved] = useState(false);

  const config = settings.data?.config ?? null;
  useEffect(() => {
    if (!config) return;
    setIssuer(config.issuer);
    setClientId(config.clientId);
    setDomains(config.emailDomains.join(', '));
    setRequired(config.ssoRequiredForManagers);
    setEnabled(config.enabled);
  }, [config]);

  if (settings.isPending) return <Spinner label={t('common.loading')} />;
  if (settings.isError) return <Alert>{t('errors.loadFailed')}</Alert>;

  const secretSet = config?.clientSecretSet === true;
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const list = domains
      .split(/[\s,]+/)
      .map((d) => d.trim().toLowerCase().replace(/^@/, ''))
      .filter(Boolean);
    const next: Errors = {
      issuer: /^https?:\/\/\S+$/.test(issuer.trim()) ? undefined : t('sso.settings.issuerInvalid'),
      clientId: clientId.trim() ? undefined : t('sso.settings.clientIdRequired'),
      clientSecret: clientSecret || secretSet ? undefined : t('sso.settings.secretRequired'),
      domains: list.length > 0 && list.every((d) => DOMAIN.test(d)) ? undefined : t('sso.settings.domainsInvalid'),
    };
    setErrors(next);
    setSaved(false);
    if (Object.values(next).some(Boolean)) return;
    save.mutate(
      {
        issuer: issuer.trim(),
        clientId: clientId.trim(),
        ...(clientSecret ? { clientSecret } : {}),
        emailDomains: list,
        ssoRequiredForManagers: required,
        enabled,
      },
      {
        onSuccess: () => {
          setClientSecret('');
          setSaved(true);
        },
      },
    );
  };

  const requestError = save.isError
    ? isApiError(save.error, 'SSO_DISCOVERY_FAILED')
      ? t('sso.settings.discoveryFailed')
      : isApiError(save.error, 'SSO_DOMAIN_TAKEN')
        ? t('sso.settings.domainTaken')
        : isApiError(save.error)
          ? save.error.message
          : t('errors.network')
    : null;

  return (
    <>
      <form
        className="form sso-settings"
        onSubmit={onSubmit}
        noValidate
        aria-label={t('sso.settings.title', { name: orgName })}
        data-testid="sso-settings"
      >
        <h3>{t('sso.settings.title', { name: orgName })}</h3>
        <p className="muted small">{t('sso.settings.lead')}</p>
        <div className="field">
          <span className="field__label">{t('sso.settings.redirectUri')}</span>
          <input
            className="input mono"
            readOnly
            value={settings.data.redirectUri}
            onFocus={(e) => e.target.select()}
            data-testid="sso-redirect-uri"
          />
        </div>
        <TextField
          label={t('sso.settings.issuer')}
          hint={t('sso.settings.issuerHint')}
          value={issuer}
          onChange={(e) => setIssuer(e.target.value)}
          error={errors.issuer}
          autoComplete="off"
          name="issuer"
        />
        <TextField
          label={t('sso.settings.clientId')}
          value={clientId}
          onChange={(e) => setClientId(e.target.value)}
          error={errors.clientId}
          autoComplete="off"
          name="clientId"
        />
        <TextField
          label={t('sso.settings.clientSecret')}
          type="password"
          autoComplete="new-password"
          name="clientSecret"
          placeholder={secretSet ? t('sso.settings.secretSetPlaceholder') : ''}
          hint={secretSet ? t('sso.settings.secretSet') : undefined}
          value={clientSecret}
          onChange={(e) => setClientSecret(e.target.value)}
          error={errors.clientSecret}
        />
        <TextField
          label={t('sso.settings.domains')}
          hint={t('sso.settings.domainsHint')}
          value={domains}
          onChange={(e) => setDomains(e.target.value)}
          error={errors.domains}
          autoComplete="off"
          name="emailDomains"
        />
        <label className="quiz-check">
          <input type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} name="enabled" />
          {t('sso.settings.enabled')}
        </label>
        <label className="quiz-check">
          <input
            type="checkbox"
            checked={required}
            onChange={(e) => setRequired(e.target.checked)}
            name="ssoRequiredForManagers"
          />
          {t('sso.settings.required')}
        </label>
        <Alert>{requestError}</Alert>
        {saved ? (
          <p role="status" className="muted">
            {t('sso.settings.saved')}
          </p>
        ) : null}
        <Button type="submit" variant="secondary" loading={save.isPending}>
          {t('sso.settings.save')}
        </Button>
      </form>
      {config ? <SsoDomains orgId={orgId} domains={config.domains} /> : null}
    </>
  );
}
