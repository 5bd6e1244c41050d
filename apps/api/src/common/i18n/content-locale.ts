import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { AuthedRequest } from '../auth/decorators';

export const CONTENT_LOCALES = ['en', 'zh-CN'] as const;
export type ContentLocale = (typeof CONTENT_LOCALES)[number];
/** A learner's setting: a language, or whatever the interface is in. */
export const CONTENT_LANGUAGES = ['en', 'zh-CN', 'follow-ui'] as const;
export type ContentLanguage = (typeof CONTENT_LANGUAGES)[number];
/** A question set's language; with `candidate-chooses` the candidate picks at the start. */
export const SET_LANGUAGES = ['en', 'zh-CN', 'candidate-chooses'] as const;
export type SetLanguage = (typeof SET_LANGUAGES)[number];

export const isContentLocale = (value: unknown): value is ContentLocale => (CONTENT_LOCALES as readonly unknown[]).includes(value);

/**
 * The locale a learner reads: their setting, or for `follow-ui` the interface language the web app
 * sends as Accept-Language (any Chinese tag reads zh-CN; everything else English).
 */
export function resolveContentLocale(setting: ContentLanguage | undefined, acceptLanguage: string | undefined): ContentLocale {
  if (setting === 'en' || setting === 'zh-CN') return setting;
  const first = (acceptLanguage ?? '').split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('zh') ? 'zh-CN' : 'en';
}

/** The content locale of this request: the user's setting, or the interface language for `follow-ui` and for visitors without an account. */
export const RequestedContentLocale = createParamDecorator((_: unknown, ctx: ExecutionContext): ContentLocale => {
  const req = ctx.switchToHttp().getRequest<AuthedRequest>();
  return resolveContentLocale(req.user?.contentLanguage, req.headers['accept-language']);
});
