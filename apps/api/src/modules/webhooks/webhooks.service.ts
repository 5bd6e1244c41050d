import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AppError } from '../../common/errors/app-error';
import { ErrorCode } from '../../common/errors/error-codes';
import { SecretBox } from '../../common/crypto/secret-box';
import { AppConfigService } from '../../config/app-config.service';
import { OrganizationsService } from '../organizations/organizations.service';
import {
  WEBHOOK_TEST_EVENT,
  type WebhookDeliveryDto,
  type WebhookEndpointCreatedDto,
  type WebhookEndpointDto,
  type WebhookEndpointInputDto,
  type WebhookEventType,
  type WebhookSecretDto,
} from './dto/webhook.dto';
import { mapDelivery, mapEndpoint } from './webhook.mappers';
import { newWebhookSecret } from './webhook-sender';
import { resolveWebhookTarget, WebhookTargetError } from './webhook-target';
import { WebhooksRepository } from './webhooks.repository';

/** The body every delivery carries. */
export function webhookBody(type: string, data: Record<string, unknown>, at: Date = new Date()): string {
  return JSON.stringify({ type, timestamp: at.toISOString(), data });
}

/**
 * An organization's webhook endpoints, their delivery log, and `emit`, which the modules where
 * events happen call inside their own transactions.
 */
@Injectable()
export class WebhooksService {
  constructor(
    private readonly repo: WebhooksRepository,
    private readonly organizations: OrganizationsService,
    private readonly config: AppConfigService,
    private readonly box: SecretBox,
  ) {}

  /**
   * Queues a delivery of the event to every enabled endpoint of the organization that subscribed
   * to it. Pass the event's transaction where the event is a database write: the deliveries then
   * exist exactly when the event does (a rolled-back write sends nothing).
   */
  emit(orgId: string, type: WebhookEventType, data: Record<string, unknown>, tx?: EntityManager): Promise<number> {
    return this.repo.enqueueEvent(tx, orgId, type, webhookBody(type, data));
  }

  /** invite.created for each new invite, in the transaction that created them. */
  async emitInviteCreated(tx: EntityManager, inviteId: string): Promise<void> {
    const invite = await this.repo.inviteFacts(tx, inviteId);
    if (!invite) return;
    await this.emit(
      invite.org_id,
      'invite.created',
      { inviteId, setId: invite.set_id, setVersion: invite.version, candidate: { name: invite.name, email: invite.email } },
      tx,
    );
  }

  /**
   * attempt.submitted when a candidate's attempt is closed with a grade (submit or the overdue
   * sweep), and attempt.graded with it when no item waits for a judge or a manager.
   */
  async emitAttemptClosed(
    tx: EntityManager,
    attempt: { id: string; inviteId: string; submittedAt: Date; finishedAt: Date; score: number; maxScore: number; pendingItems: number },
    opts: { onlyGraded?: boolean } = {},
  ): Promise<void> {
    const invite = await this.repo.inviteFacts(tx, attempt.inviteId);
    if (!invite) return;
    const base = {
      attemptId: attempt.id,
      inviteId: attempt.inviteId,
      setId: invite.set_id,
      setVersion: invite.version,
      candidate: { name: invite.name, email: invite.email },
      submittedAt: attempt.submittedAt.toISOString(),
      finishedAt: attempt.finishedAt.toISOString(),
    };
    if (!opts.onlyGraded) await this.emit(invite.org_id, 'attempt.submitted', { ...base, pendingItems: attempt.pendingItems }, tx);
    if (attempt.pendingItems === 0) await this.emit(invite.org_id, 'attempt.graded', { ...base, score: attempt.score, maxScore: attempt.maxScore }, tx);
  }

  /** attempt.graded when a judge's verdict or a manager's grade scored a candidate attempt's last pending item. */
  async emitAttemptGraded(tx: EntityManager, attemptId: string): Promise<void> {
    const facts = await this.repo.attemptFacts(tx, attemptId);
    if (!facts || facts.pending > 0) return;
    await this.emitAttemptClosed(tx, {
      id: attemptId,
      inviteId: facts.invite_id,
      submittedAt: facts.submitted_at,
      finishedAt: facts.finished_at,
      score: Number(facts.score),
      maxScore: Number(facts.max_score),
      pendingItems: 0,
    }, { onlyGraded: true });
  }

  /** At start, after the queue schemas are migrated: see `WebhooksRepository.moveJobsFromJudgeQueue`. */
  moveJobsFromJudgeQueue(): Promise<number> {
    return this.repo.moveJobsFromJudgeQueue();
  }

  /** Re-encrypts signing secrets sealed under a previous SECRETS_KEY with the current one. */
  async resealSecrets(): Promise<number> {
    let moved = 0;
    for (const row of await this.repo.sealedSecrets()) {
      if (!this.box.sealedUnderPreviousKey(row.secret)) continue;
      await this.repo.replaceSealedSecret(row.id, row.secret, this.box.seal(this.box.open(row.secret)));
      moved++;
    }
    return moved;
  }

  async list(userId: string, orgId: string): Promise<WebhookEndpointDto[]> {
    await this.organizations.requireMembership(userId, orgId);
    return (await this.repo.listEndpoints(orgId)).map(mapEndpoint);
  }

  async create(userId: string, orgId: string, body: WebhookEndpointInputDto): Promise<WebhookEndpointCreatedDto> {
    await this.organizations.requireMembership(userId, orgId);
    const url = await this.checkTarget(body.url);
    const secret = newWebhookSecret();
    const row = await this.repo.insertEndpoint({
      orgId,
      url,
      description: body.description ?? '',
      events: body.events,
      enabled: body.enabled ?? true,
      secret: this.box.seal(secret),
      createdBy: userId,
    });
    return { ...mapEndpoint(row), secret };
  }

  async update(userId: string, orgId: string, id: string, body: WebhookEndpointInputDto): Promise<WebhookEndpointDto> {
    await this.organizations.requireMembership(userId, orgId);
    await this.requireEndpoint(orgId, id);
    const url = await this.checkTarget(body.url);
    const row = await this.repo.updateEndpoint(orgId, id, { url, description: body.description ?? '', events: body.events, enabled: body.enabled ?? true });
    if (!row) throw notFound();
    return mapEndpoint(row);
  }

  async remove(userId: string, orgId: string, id: string): Promise<void> {
    await this.organizations.requireMembership(userId, orgId);
    if (!(await this.repo.deleteEndpoint(orgId, id))) throw notFound();
  }

  async secret(userId: string, orgId: string, id: string): Promise<WebhookSecretDto> {
    await this.organizations.requireMembership(userId, orgId);
    return { secret: this.box.open((await this.requireEndpoint(orgId, id)).secret) };
  }

  /** A new secret at once: deliveries signed from now on use it, the old one stops verifying. */
  async rotateSecret(userId: string, orgId: string, id: string): Promise<WebhookSecretDto> {
    await this.organizations.requireMembership(userId, orgId);
    const secret = newWebhookSecret();
    if (!(await this.repo.rotateSecret(orgId, id, this.box.seal(secret)))) throw notFound();
    return { secret };
  }

  async deliveries(userId: string, orgId: string, id: string, limit = 50): Promise<WebhookDeliveryDto[]> {
    await this.organizations.requireMembership(userId, orgId);
    await this.requireEndpoint(orgId, id);
    return (await this.repo.listDeliveries(orgId, id, limit)).map(mapDelivery);
  }

  async redeliver(userId: string, orgId: string, id: string, deliveryId: string): Promise<WebhookDeliveryDto> {
    await this.organizations.requireMembership(userId, orgId);
    await this.requireEndpoint(orgId, id);
    const queued = await this.repo.redeliver(orgId, id, deliveryId);
    if (!queued) throw new AppError(ErrorCode.WEBHOOK_DELIVERY_NOT_FOUND, 'This endpoint has no such delivery.');
    return this.deliveryDto(queued);
  }

  /** A `webhook.test` delivery to this endpoint, whatever events it subscribed to. */
  async sendTest(userId: string, orgId: string, id: string): Promise<WebhookDeliveryDto> {
    await this.organizations.requireMembership(userId, orgId);
    const endpoint = await this.requireEndpoint(orgId, id);
    const body = webhookBody(WEBHOOK_TEST_EVENT, { endpointId: endpoint.id, organizationId: orgId, message: 'This is a test event from goprep.' });
    const queued = await this.repo.enqueueForEndpoint(orgId, id, WEBHOOK_TEST_EVENT, body);
    if (!queued) throw notFound();
    return this.deliveryDto(queued);
  }

  private async deliveryDto(id: string): Promise<WebhookDeliveryDto> {
    const row = await this.repo.findDelivery(id);
    if (!row) throw new AppError(ErrorCode.WEBHOOK_DELIVERY_NOT_FOUND, 'This endpoint has no such delivery.');
    return mapDelivery(row);
  }

  private async requireEndpoint(orgId: string, id: string) {
    const row = await this.repo.findEndpoint(orgId, id);
    if (!row) throw notFound();
    return row;
  }

  /** The URL as stored (normalised) once it parses and resolves to addresses webhooks may target. */
  private async checkTarget(raw: string): Promise<string> {
    try {
      const target = await resolveWebhookTarget(raw, this.config.get('WEBHOOK_ALLOW_PRIVATE_TARGETS'));
      return target.url.toString();
    } catch (e) {
      if (!(e instanceof WebhookTargetError)) throw e;
      const code = e.problem === 'internal-address' ? ErrorCode.WEBHOOK_TARGET_FORBIDDEN : ErrorCode.WEBHOOK_URL_INVALID;
      throw new AppError(code, e.message, [{ field: 'url', message: e.message }]);
    }
  }
}

function notFound(): AppError {
  return new AppError(ErrorCode.WEBHOOK_NOT_FOUND, 'No such webhook endpoint.');
}
