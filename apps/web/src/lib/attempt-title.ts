import type { TFunction } from 'i18next';
import { topicLabel } from './labels';

/** The facts of an attempt's title as the API sends them (`titleFacts`). */
export interface AttemptTitleFacts {
  kind: 'quick' | 'mock' | 'set';
  topics?: string[];
  template?: string;
  level?: string;
  setTitle?: string;
}

/**
 * An attempt's title in the UI's language, with topic and role names rather than ids: "Quick quiz:
 * Memory model, Goroutine leaks", "模拟面试：站点可靠性工程师（SRE）（高级）". A set keeps the title its
 * authors wrote; an attempt whose facts are missing shows the title it was stored with.
 */
export function attemptTitle(t: TFunction, attempt: { title: string; titleFacts?: AttemptTitleFacts | undefined }): string {
  const facts = attempt.titleFacts;
  if (facts?.kind === 'quick' && facts.topics?.length) {
    return t('attemptTitle.quick', { topics: facts.topics.map((id) => topicLabel(t, id)).join(t('attemptTitle.separator')) });
  }
  if (facts?.kind === 'mock' && facts.template && facts.level) {
    return t('attemptTitle.mock', {
      template: t(`quiz.templates.${facts.template}`, { defaultValue: facts.template }),
      level: t(`quiz.levels.${facts.level}`, { defaultValue: facts.level }),
    });
  }
  if (facts?.kind === 'set' && facts.setTitle) return facts.setTitle;
  return attempt.title;
}
