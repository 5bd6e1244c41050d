import type { WebhookEventType } from '../types';

/** Every event an endpoint can subscribe to, in the order the form lists them (the API's enum). */
export const WEBHOOK_EVENTS: readonly WebhookEventType[] = ['invite.created', 'attempt.submitted', 'attempt.graded', 'set.published', 'room.scored'];

export type WebhookFormProblem = 'url-required' | 'url-invalid' | 'url-scheme' | 'url-credentials' | 'url-fragment' | 'url-too-long' | 'events-required' | 'description-too-long';

export interface WebhookFormValues {
  url: string;
  description: string;
  events: readonly string[];
}

/**
 * The API's rules for an endpoint, checked before sending (the address check needs DNS and stays
 * on the server): an absolute http(s) URL without credentials or fragment, at most 2048
 * characters, a description of at most 200, at least one event.
 */
export function checkWebhookForm(values: WebhookFormValues): WebhookFormProblem[] {
  const problems: WebhookFormProblem[] = [];
  const url = values.url.trim();
  if (url === '') problems.push('url-required');
  else if (url.length > 2048) problems.push('url-too-long');
  else {
    let parsed: URL | null = null;
    try {
      parsed = new URL(url);
    } catch {
      problems.push('url-invalid');
    }
    if (parsed) {
      if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') problems.push('url-scheme');
      else if (parsed.username || parsed.password) problems.push('url-credentials');
      else if (parsed.hash) problems.push('url-fragment');
    }
  }
  if (values.description.trim().length > 200) problems.push('description-too-long');
  if (values.events.length === 0) problems.push('events-required');
  return problems;
}
