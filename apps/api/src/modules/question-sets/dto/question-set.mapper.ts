import { isEligiblePool, poolCandidatesFor, type PoolSetItem, type SetPoolCandidate } from '../set-items';
import { storedSettingsOf, type PinnedRow, type SetListRow, type VersionRow } from '../question-sets.repository';
import type { QuestionSetListItemDto, QuestionSetVersionDto, SetItemDto } from './question-set.dto';

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

/** A version with each fixed item's pinned question and each pool's eligible count. */
export function mapVersion(v: VersionRow, pinned: ReadonlyMap<string, PinnedRow>, candidates: readonly SetPoolCandidate[]): QuestionSetVersionDto {
  const poolFrom = poolCandidatesFor(v.items, candidates);
  return {
    id: v.id,
    version: v.version,
    state: v.state,
    ...storedSettingsOf(v),
    items: v.items.map((item): SetItemDto => {
      if (item.kind === 'pool') return mapPool(item, poolFrom.filter((c) => isEligiblePool(item, c)).length);
      const p = pinned.get(item.versionId);
      return {
        kind: 'fixed',
        points: item.points,
        questionId: item.questionId,
        versionId: item.versionId,
        ...(p
          ? {
              question: {
                title: p.title,
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
