import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { SelectField } from '@/components/ui/select-field';
import { Spinner } from '@/components/ui/spinner';
import { TextField } from '@/components/ui/text-field';
import { isApiError } from '@/lib/api-client';
import { useCreateToken, type CreatedToken } from '../api/create-token';
import { useTokens, type ApiToken, type TokenOwner, type TokenScope } from '../api/get-tokens';
import { useRevokeToken } from '../api/revoke-token';

const EXPIRY_DAYS = ['7', '30', '90', '365', 'never'] as const;
type Expiry = (typeof EXPIRY_DAYS)[number];

export interface ApiTokensCardProps {
  owner: TokenOwner;
  /** The scopes this owner may grant (a learner's personal tokens: bank:read only). */
  scopes: readonly TokenScope[];
}

/** API tokens of a user or an organization: create (the secret shown once), list, revoke. */
export function ApiTokensCard({ owner, scopes }: ApiTokensCardProps) {
  const { t, i18n } = useTranslation();
  const titleId = useId();
  const tokens = useTokens(owner);
  const [created, setCreated] = useState<CreatedToken>();
  const [revoking, setRevoking] = useState<ApiToken>();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const revoke = useRevokeToken(owner);
  const date = (iso: string | null) =>
    iso ? new Date(iso).toLocaleDateString(i18n.language, { year: 'numeric', month: 'short', day: 'numeric' }) : null;

  const askRevoke = (token: ApiToken) => {
    setRevoking(token);
    revoke.reset();
    dialogRef.current?.showModal();
  };

  return (
    <Card aria-labelledby={titleId} data-testid={`api-tokens-${owner.kind}`}>
      <h2 id={titleId} className="card__title">
        {t('apiTokens.title')}
      </h2>
      <p className="muted">{t(owner.kind === 'personal' ? 'apiTokens.leadPersonal' : 'apiTokens.leadOrganization')}</p>

      {created ? (
        <CreatedSecret token={created} onDone={() => setCreated(undefined)} />
      ) : (
        <CreateTokenForm owner={owner} scopes={scopes} onCreated={setCreated} />
      )}

      <h3 className="section-title token-list__title">{t('apiTokens.listTitle')}</h3>
      {tokens.isPending ? (
        <Spinner label={t('common.loading')} />
      ) : tokens.isError ? (
        <Alert>{t('errors.loadFailed')}</Alert>
      ) : tokens.data.length === 0 ? (
        <p className="empty">{t('apiTokens.empty')}</p>
      ) : (
        <ul className="token-list" data-testid="token-list">
          {tokens.data.map((token) => (
            <li key={token.id} className="token-list__item" data-testid="token-row">
              <div className="token-list__row">
                <span className="token-list__name">{token.name}</span>
                <code className="mono muted small">{token.prefix}…</code>
                <Badge tone={token.status === 'active' ? 'accent' : 'neutral'}>
                  {t(`apiTokens.status.${token.status}`)}
                </Badge>
                {token.status === 'active' ? (
                  <Button
                    variant="ghost"
                    size="sm"
                    className="token-list__revoke"
                    onClick={() => askRevoke(token)}
                    aria-label={t('apiTokens.revokeNamed', { name: token.name })}
                  >
                    {t('apiTokens.revoke')}
                  </Button>
                ) : null}
              </div>
              <ul className="token-list__scopes" aria-label={t('apiTokens.scopes')}>
                {token.scopes.map((scope) => (
                  <li key={scope}>
                    <code className="mono small">{scope}</code>
                  </li>
                ))}
              </ul>
              <p className="muted small token-list__dates">
                <span>{t('apiTokens.created', { date: date(token.createdAt) })}</span>
                {token.createdBy && owner.kind === 'organization' ? (
                  <span>{t('apiTokens.createdBy', { name: token.createdBy })}</span>
                ) : null}
                <span>
                  {token.lastUsedAt
                    ? t('apiTokens.lastUsed', { date: date(token.lastUsedAt) })
                    : t('apiTokens.neverUsed')}
                </span>
                <span>
                  {token.expiresAt
                    ? t(token.status === 'expired' ? 'apiTokens.expired' : 'apiTokens.expires', {
                        date: date(token.expiresAt),
                      })
                    : t('apiTokens.noExpiry')}
                </span>
                {token.revokedAt ? <span>{t('apiTokens.revokedOn', { date: date(token.revokedAt) })}</span> : null}
              </p>
            </li>
          ))}
        </ul>
      )}

      <dialog
        ref={dialogRef}
        className="quiz-dialog"
        aria-labelledby={`${titleId}-revoke`}
        data-testid="revoke-dialog"
        onClose={() => setRevoking(undefined)}
      >
        <h2 id={`${titleId}-revoke`} className="section-title">
          {t('apiTokens.revokeTitle', { name: revoking?.name ?? '' })}
        </h2>
        <p>{t('apiTokens.revokeBody')}</p>
        <Alert>{revoke.isError ? (isApiError(revoke.error) ? revoke.error.message : t('errors.network')) : null}</Alert>
        <div className="actions">
          <Button variant="secondary" onClick={() => dialogRef.current?.close()}>
            {t('common.cancel')}
          </Button>
          <Button
            variant="danger"
            data-testid="confirm-revoke"
            loading={revoke.isPending}
            onClick={() => {
              if (!revoking) return;
              revoke.mutate(revoking.id, { onSuccess: () => dialogRef.current?.close() });
            }}
          >
            {t('apiTokens.revokeConfirm')}
          </Button>
        </div>
      </dialog>
    </Card>
  );
}

function CreateTokenForm({
  owner,
  scopes,
  onCreated,
}: ApiTokensCardProps & { onCreated: (token: CreatedToken) => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [chosen, setChosen] = useState<TokenScope[]>([]);
  const [expiry, setExpiry] = useState<Expiry>('30');
  const [errors, setErrors] = useState<{ name?: string; scopes?: string }>({});
  const nameRef = useRef<HTMLInputElement>(null);
  const scopesId = useId();
  const create = useCreateToken(owner);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const next = {
      ...(name.trim() ? {} : { name: t('apiTokens.nameRequired') }),
      ...(chosen.length ? {} : { scopes: t('apiTokens.scopesRequired') }),
    };
    setErrors(next);
    if (next.name) {
      nameRef.current?.focus();
      return;
    }
    if (next.scopes) return;
    const expiresAt = expiry === 'never' ? null : new Date(Date.now() + Number(expiry) * 86_400_000).toISOString();
    create.mutate(
      { name: name.trim(), scopes: chosen, expiresAt },
      {
        onSuccess: (token) => {
          setName('');
          setChosen([]);
          onCreated(token);
        },
      },
    );
  };

  return (
    <form className="form token-form" onSubmit={onSubmit} noValidate aria-label={t('apiTokens.createTitle')}>
      <TextField
        ref={nameRef}
        label={t('apiTokens.name')}
        hint={t('apiTokens.nameHint')}
        maxLength={100}
        value={name}
        onChange={(e) => setName(e.target.value)}
        error={errors.name}
        data-testid="token-name"
      />
      <fieldset className="token-form__scopes" aria-describedby={errors.scopes ? `${scopesId}-error` : undefined}>
        <legend className="field__label">{t('apiTokens.scopes')}</legend>
        {scopes.map((scope) => (
          <label key={scope} className="token-form__scope">
            <input
              type="checkbox"
              value={scope}
              checked={chosen.includes(scope)}
              data-testid={`scope-${scope}`}
              onChange={(e) => setChosen((s) => (e.target.checked ? [...s, scope] : s.filter((x) => x !== scope)))}
            />
            <span>
              <code className="mono">{scope}</code> <span className="muted small">{t(`apiTokens.scope.${scope.replace(':', '_')}`)}</span>
            </span>
          </label>
        ))}
        {errors.scopes ? (
          <p id={`${scopesId}-error`} className="field__error">
            {errors.scopes}
          </p>
        ) : null}
      </fieldset>
      <SelectField
        label={t('apiTokens.expiry')}
        value={expiry}
        onChange={(e) => setExpiry(e.target.value as Expiry)}
        options={EXPIRY_DAYS.map((d) => ({
          value: d,
          label: d === 'never' ? t('apiTokens.expiryNever') : t('apiTokens.expiryDays', { count: Number(d) }),
        }))}
        data-testid="token-expiry"
      />
      <Alert>{create.isError ? (isApiError(create.error) ? create.error.message : t('errors.network')) : null}</Alert>
      <div className="actions">
        <Button type="submit" loading={create.isPending} data-testid="create-token">
          {t('apiTokens.create')}
        </Button>
      </div>
    </form>
  );
}

function CreatedSecret({ token, onDone }: { token: CreatedToken; onDone: () => void }) {
  const { t } = useTranslation();
  const secretId = useId();
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(token.token);
      setCopied(true);
    } catch {
      // Clipboard blocked (insecure context): select the text so Ctrl+C works.
      const input = document.getElementById(secretId);
      if (input instanceof HTMLInputElement) input.select();
    }
  };
  return (
    <div className="token-secret" role="status" data-testid="token-secret">
      <label htmlFor={secretId} className="field__label">
        {t('apiTokens.secretLabel', { name: token.name })}
      </label>
      <div className="copy-row">
        <input
          id={secretId}
          className="input mono"
          readOnly
          value={token.token}
          onFocus={(e) => e.target.select()}
          data-testid="token-value"
        />
        <Button variant="secondary" onClick={() => void copy()}>
          {copied ? t('common.copied') : t('common.copy')}
        </Button>
      </div>
      <p className="field__hint">{t('apiTokens.secretOnce')}</p>
      <div className="actions">
        <Button variant="ghost" onClick={onDone}>
          {t('apiTokens.done')}
        </Button>
      </div>
    </div>
  );
}
