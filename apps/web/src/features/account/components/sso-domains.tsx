import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { CopyField } from '@/components/ui/copy-field';
import { isApiError } from '@/lib/api-client';
import { useVerifySsoDomain, type SsoDomain } from '../api/verify-sso-domain';

/**
 * The organization's SSO email domains: a pending one shows the TXT record that proves the
 * organization owns it and a Verify button; only verified domains route sign-ins.
 */
export function SsoDomains({ orgId, domains }: { orgId: string; domains: SsoDomain[] }) {
  const { t, i18n } = useTranslation();
  const verify = useVerifySsoDomain(orgId);
  const [errors, setErrors] = useState<Record<string, string>>({});
  if (domains.length === 0) return null;

  const onVerify = (domain: string) => {
    setErrors((e) => ({ ...e, [domain]: '' }));
    verify.mutate(domain, {
      onError: (error) => {
        const message = isApiError(error, 'SSO_DOMAIN_PROOF_MISSING')
          ? t('sso.domains.proofMissing')
          : isApiError(error, 'SSO_DOMAIN_TAKEN')
            ? t('sso.domains.taken')
            : isApiError(error)
              ? error.message
              : t('errors.network');
        setErrors((e) => ({ ...e, [domain]: message }));
      },
    });
  };

  return (
    <section className="sso-domains" aria-labelledby={`sso-domains-${orgId}`} data-testid="sso-domains">
      <h4 id={`sso-domains-${orgId}`}>{t('sso.domains.title')}</h4>
      <p className="muted small">{t('sso.domains.lead')}</p>
      <ul className="sso-domains__list">
        {domains.map((d) => (
          <li key={d.domain} className="sso-domain" data-testid={`sso-domain-${d.domain}`}>
            <div className="sso-domain__head">
              <span className="mono sso-domain__name">{d.domain}</span>
              <Badge tone={d.status === 'verified' ? 'easy' : 'medium'}>{t(`sso.domains.status.${d.status}`)}</Badge>
            </div>
            {d.status === 'verified' ? (
              <p className="muted small">
                {t(d.verificationMethod === 'admin' ? 'sso.domains.verifiedByAdmin' : 'sso.domains.verifiedByDns', {
                  date: d.verifiedAt ? new Date(d.verifiedAt).toLocaleString(i18n.language) : '',
                })}
              </p>
            ) : (
              <>
                <p className="small">{t('sso.domains.instructions')}</p>
                <CopyField
                  value={d.recordName}
                  label={t('sso.domains.recordName')}
                  visibleLabel
                  testId="sso-record-name"
                />
                <CopyField
                  value={d.recordValue}
                  label={t('sso.domains.recordValue')}
                  visibleLabel
                  testId="sso-record-value"
                />
                <Alert>{errors[d.domain] || null}</Alert>
                <div>
                  <Button
                    variant="secondary"
                    size="sm"
                    onClick={() => onVerify(d.domain)}
                    loading={verify.isPending && verify.variables === d.domain}
                  >
                    {t('sso.domains.verify')}
                  </Button>
                </div>
              </>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
