import { isEligiblePool, poolCandidatesFor, type PoolSetItem, type SetPoolCandidate } from '../set-items';
import { storedSettingsOf, type PinnedRow, type SetListRow, type VersionRow } from '../question-sets.repository';
import type { QuestionSetListItemDto, QuestionSetVersionDto, SetItemDto } from './question-set.dto';
import type { ContentLocale, SetLanguage } from '../../../common/i18n/content-locale';
import { contentLocaleInfo, type TranslationReviewColumns } from '../../questions/translated-text';

/** A pinned question's title in the language a manager reads the set in. */
export interface LocalizedTitle {
  title: string;
  contentLocale: ContentLocale;
}

/** The language a manager reads a set's questions in by default: the set's, English when candidates choose. */
export const defaultLocale = (language: SetLanguage): ContentLocale => (language === 'candidate-chooses' ? 'en' : language);

/** The titles of current translations among `translations` (by version id); the rest show English, marked as fallback. */
export function localizedTitles(translations: ReadonlyMap<string, TranslationReviewColumns>, locale: ContentLocale): Map<string, LocalizedTitle> {
  const titles = new Map<string, LocalizedTitle>();
  if (locale === 'en') return titles;
  for (const [id, row] of translations) {
    const info = contentLocaleInfo(row, locale);
    if (info.contentLocale !== 'en' && row.tr_title) titles.set(id, { title: row.tr_title, contentLocale: info.contentLocale });
  }
  return titles;
}

export function mapPool(item: PoolSetItem, eligible?: number): SetItemDto {
  return {
    kind: 'pool',
    points: item.points,
    topic: item.topic,
    count: item.count,
    difficulty: [...item.difficulty],
    ...(item.types !== undefined ? { types: [...item.types] } : {}),
    ...(item.excludeTags !== undefined ? { excludeTags: [...item.excludeTags] } : {}),
    ...(eligible !== undefined ? { eligible } : {}),
  };
}

export function mapSetListItem(r: SetListRow): QuestionSetListItemDto {
  return {
    id: r.id,
    title: r.title,
    latestVersion: r.latest.version,
    latestState: r.latest.state,
    publishedVersion: r.published_version,
    itemCount: r.latest.items.length,
    questionCount: r.latest.items.reduce((sum, item) => sum + (item.kind === 'pool' ? item.count : 1), 0),
    archivedAt: r.archived_at?.toISOString() ?? null,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  };
}

/** A version with each fixed item's pinned question (titled in the set's language where translated) and each pool's eligible count. */
export function mapVersion(
  v: VersionRow,
  pinned: ReadonlyMap<string, PinnedRow>,
  candidates: readonly SetPoolCandidate[],
  titles: ReadonlyMap<string, LocalizedTitle> = new Map(),
): QuestionSetVersionDto {
  const wanted = defaultLocale(v.language);
  const poolFrom = poolCandidatesFor(v.items, candidates);
  return {
    id: v.id,
    version: v.version,
    state: v.state,
    ...storedSettingsOf(v),
    items: v.items.map((item): SetItemDto => {
      if (item.kind === 'pool') return mapPool(item, poolFrom.filter((c) => isEligiblePool(item, c)).length);
      const p = pinned.get(item.versionId);
      const t = titles.get(item.versionId);
      return {
        kind: 'fixed',
        points: item.points,
        questionId: item.questionId,
        versionId: item.versionId,
        ...(p
          ? {
              question: {
                title: t?.title ?? p.title,
                contentLocale: t?.contentLocale ?? 'en',
                // Organization questions have no translations: they are in their author's language, not a fallback.
                fallback: wanted !== 'en' && t === undefined && p.organization_id === null,
                topic: p.topic_id,
                type: p.type,
                difficulty: p.difficulty,
                expectedSeconds: p.expected_seconds,
                version: p.version,
                currentVersion: p.current_version,
                retired: p.retired,
                private: p.organization_id !== null,
              },
            }
          : {}),
      };
    }),
    createdAt: v.created_at.toISOString(),
    publishedAt: v.published_at?.toISOString() ?? null,
  };
}
