import { useTranslation } from 'react-i18next';

/** What the API says about the language a question was delivered in (DeliveredQuestionDto, ReviewItemDto). */
export interface ContentLocaleInfo {
  contentLocale: 'en' | 'zh-CN';
  fallback: boolean;
  fallbackReason?: 'missing' | 'stale';
}

/**
 * A small marker on a question shown in English although the learner reads another language:
 * there is no translation yet, or it was made from an older English version.
 */
export function ContentLocaleNote({ info }: { info: ContentLocaleInfo }) {
  const { t } = useTranslation();
  if (!info.fallback) return null;
  return (
    <p className="muted small content-locale-note" data-testid="content-fallback" data-reason={info.fallbackReason ?? 'missing'}>
      {info.fallbackReason === 'stale' ? t('content.fallbackStale') : t('content.fallbackMissing')}
    </p>
  );
}
