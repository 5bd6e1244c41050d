import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Spinner } from '@/components/ui/spinner';
import { TextField } from '@/components/ui/text-field';
import { isApiError } from '@/lib/api-client';
import { useInvites } from '../api/get-invites';
import { useOverrideInvite, useReissueInvite, useRevokeInvite } from '../api/update-invite';
import type { Invite } from '../types';
import { STATUS_TONE } from '../utils/invite-form';
import { CopyField } from '@/components/ui/copy-field';

function OverrideForm({ orgId, setId, invite, onClose }: { orgId: string; setId: string; invite: Invite; onClose: () => void }) {
  const { t } = useTranslation();
  const [minutes, setMinutes] = useState(String(invite.extraMinutes));
  const [extra, setExtra] = useState(String(invite.extraAttempts));
  const override = useOverrideInvite(orgId, setId);
  const m = Number(minutes);
  const a = Number(extra);
  const badMinutes = !Number.isInteger(m) || m < 0 || m > 1440;
  const badAttempts = !Number.isInteger(a) || a < 0 || a > 100;
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (badMinutes || badAttempts) return;
    override.mutate({ inviteId: invite.id, body: { extraMinutes: m, extraAttempts: a } }, { onSuccess: onClose });
  };
  return (
    <form className="form invites-override" onSubmit={onSubmit} noValidate data-testid="override-form" aria-label={t('invites.override.title', { name: invite.name || invite.email })}>
      <div className="invites-form__row">
        <TextField label={t('invites.override.minutes')} type="number" min={0} max={1440} value={minutes} onChange={(e) => setMinutes(e.target.value)} error={badMinutes ? t('invites.override.badMinutes') : undefined} data-testid="override-minutes" />
        <TextField label={t('invites.override.attempts')} type="number" min={0} max={100} value={extra} onChange={(e) => setExtra(e.target.value)} error={badAttempts ? t('invites.override.badAttempts') : undefined} data-testid="override-attempts" />
      </div>
      <p className="field__hint">{t('invites.override.hint')}</p>
      <Alert>{override.isError ? (isApiError(override.error) ? override.error.message : t('errors.network')) : null}</Alert>
      <div className="actions">
        <Button variant="secondary" size="sm" onClick={onClose}>
          {t('common.cancel')}
        </Button>
        <Button type="submit" size="sm" loading={override.isPending} data-testid="override-save">
          {t('invites.override.save')}
        </Button>
      </div>
    </form>
  );
}

function InviteRow({ orgId, setId, invite, resultsPath }: { orgId: string; setId: string; invite: Invite; resultsPath: string }) {
  const { t, i18n } = useTranslation();
  const [editing, setEditing] = useState(false);
  const revoke = useRevokeInvite(orgId, setId);
  const reissue = useReissueInvite(orgId, setId);
  const allowed = invite.attemptsAllowed + invite.extraAttempts;
  const closed = invite.status === 'revoked';
  return (
    <li className="invite-row" data-testid="invite-row" data-email={invite.email} data-status={invite.status}>
      <div className="invite-row__main">
        <p className="invite-row__who">
          <strong>{invite.name || invite.email}</strong> <span className="muted small">{invite.email}</span>
        </p>
        <p className="muted small invite-row__meta">
          <Badge tone={STATUS_TONE[invite.status] ?? 'neutral'}>{t(`invites.status.${invite.status}`)}</Badge>{' '}
          {t('invites.list.attempts', { used: invite.attemptsUsed, allowed })}
          {' · '}
          {t('invites.list.expires', { date: new Date(invite.expiresAt).toLocaleString(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }) })}
          {invite.extraMinutes > 0 ? ` · ${t('invites.list.extraMinutes', { count: invite.extraMinutes })}` : ''}
          {` · v${invite.version}`}
        </p>
      </div>
      <div className="invite-row__actions">
        {invite.latestAttemptId ? (
          <Link className="btn btn--ghost btn--sm" to={`${resultsPath}/${invite.latestAttemptId}`}>
            {t('invites.list.report')}
          </Link>
        ) : null}
        {!closed ? (
          <>
            <Button variant="secondary" size="sm" onClick={() => setEditing((v) => !v)} aria-expanded={editing} data-testid="invite-override">
              {t('invites.list.override')}
            </Button>
            <Button
              variant="secondary"
              size="sm"
              loading={reissue.isPending}
              data-testid="invite-reissue"
              onClick={() => {
                if (window.confirm(t('invites.list.reissueConfirm', { name: invite.name || invite.email }))) reissue.mutate(invite.id);
              }}
            >
              {t('invites.list.reissue')}
            </Button>
            <Button
              variant="danger"
              size="sm"
              loading={revoke.isPending}
              data-testid="invite-revoke"
              onClick={() => {
                if (window.confirm(t('invites.list.revokeConfirm', { name: invite.name || invite.email }))) revoke.mutate(invite.id);
              }}
            >
              {t('invites.list.revoke')}
            </Button>
          </>
        ) : null}
      </div>
      {reissue.data && !closed ? (
        <div className="invite-row__reissued" data-testid="reissued-link">
          <p className="small">
            {t('invites.list.reissued')}{' '}
            {reissue.data.mailed ? <Badge tone="easy">{t('invites.created.mailed')}</Badge> : null}
          </p>
          <CopyField value={reissue.data.link} label={t('invites.created.linkFor', { name: invite.name || invite.email })} testId="reissued-link-url" />
        </div>
      ) : null}
      {reissue.isError ? <Alert>{isApiError(reissue.error) ? reissue.error.message : t('errors.network')}</Alert> : null}
      {revoke.isError ? <Alert>{isApiError(revoke.error) ? revoke.error.message : t('errors.network')}</Alert> : null}
      {editing ? <OverrideForm orgId={orgId} setId={setId} invite={invite} onClose={() => setEditing(false)} /> : null}
    </li>
  );
}

const FILTERS = ['all', 'invited', 'started', 'submitted', 'expired', 'revoked'] as const;

export function InviteList({ orgId, setId, resultsPath }: { orgId: string; setId: string; resultsPath: string }) {
  const { t } = useTranslation();
  const invites = useInvites(orgId, setId);
  const [filter, setFilter] = useState<(typeof FILTERS)[number]>('all');
  if (invites.isPending) return <Spinner label={t('common.loading')} />;
  if (invites.isError) return <Alert>{t('errors.loadFailed')}</Alert>;
  const counts = new Map<string, number>();
  for (const i of invites.data) counts.set(i.status, (counts.get(i.status) ?? 0) + 1);
  const shown = filter === 'all' ? invites.data : invites.data.filter((i) => i.status === filter);
  return (
    <section className="card" aria-labelledby="invite-list-title" data-testid="invite-list">
      <h2 id="invite-list-title" className="section-title">
        {t('invites.list.title', { count: invites.data.length })}
      </h2>
      <div className="chip-row invite-filter" role="group" aria-label={t('invites.list.filter')}>
        {FILTERS.map((f) => (
          <button key={f} type="button" className={['chip', filter === f ? 'chip--on' : ''].filter(Boolean).join(' ')} aria-pressed={filter === f} onClick={() => setFilter(f)}>
            {f === 'all' ? t('invites.list.all', { count: invites.data.length }) : `${t(`invites.status.${f}`)} (${counts.get(f) ?? 0})`}
          </button>
        ))}
      </div>
      {shown.length === 0 ? (
        <p className="muted">{t(invites.data.length === 0 ? 'invites.list.empty' : 'invites.list.noneMatch')}</p>
      ) : (
        <ul className="invite-rows">
          {shown.map((invite) => (
            <InviteRow key={invite.id} orgId={orgId} setId={setId} invite={invite} resultsPath={resultsPath} />
          ))}
        </ul>
      )}
    </section>
  );
}
