import type { Schemas } from '@/lib/api-client';

export type WebhookEndpoint = Schemas['WebhookEndpointDto'];
export type WebhookEndpointCreated = Schemas['WebhookEndpointCreatedDto'];
export type WebhookEndpointInput = Schemas['WebhookEndpointInputDto'];
export type WebhookEventType = WebhookEndpoint['events'][number];
export type WebhookDelivery = Schemas['WebhookDeliveryDto'];
