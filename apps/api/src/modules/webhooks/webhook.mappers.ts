import type { WebhookDeliveryDto, WebhookEndpointDto, WebhookEventType } from './dto/webhook.dto';
import type { DeliveryRow, EndpointRow } from './webhooks.repository';

/** An endpoint without its secret (that has its own, explicit route). */
export function mapEndpoint(row: EndpointRow): WebhookEndpointDto {
  return {
    id: row.id,
    url: row.url,
    description: row.description,
    events: row.events as WebhookEventType[],
    enabled: row.enabled,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

export function mapDelivery(row: DeliveryRow): WebhookDeliveryDto {
  return {
    id: row.id,
    messageId: row.message_id,
    eventType: row.event_type,
    payload: row.body,
    status: row.status,
    attempts: row.attempts,
    responseStatus: row.response_status,
    responseBody: row.response_body,
    durationMs: row.duration_ms,
    error: row.error,
    createdAt: row.created_at.toISOString(),
    lastAttemptAt: row.last_attempt_at?.toISOString() ?? null,
    nextAttemptAt: row.next_attempt_at?.toISOString() ?? null,
  };
}
