import type { DraftContent, OverduePolicy, QuestionInfo, ReviewPolicy, SetItem } from '../types';
import { formFromContent, type DraftForm } from '../utils/draft-form';
import type { QuestionSet, SetItemView, SetVersion } from './get-set';
import type { DraftInput } from './save-draft';

export function itemFromView(item: SetItemView): SetItem {
  if (item.kind === 'fixed') {
    return { kind: 'fixed', questionId: item.questionId ?? '', versionId: item.versionId, points: item.points };
  }
  const [min = 1, max = 5] = item.difficulty ?? [];
  return {
    kind: 'pool',
    topic: item.topic ?? '',
    count: item.count ?? 1,
    difficulty: [min, max],
    ...(item.types?.length ? { types: [...item.types] } : {}),
    ...(item.excludeTags?.length ? { excludeTags: [...item.excludeTags] } : {}),
    points: item.points,
  };
}

export function contentFromVersion(version: SetVersion): DraftContent {
  return {
    title: version.title,
    instructions: version.instructions,
    timeLimitSeconds: version.timeLimitSeconds,
    shuffleOptions: version.shuffleOptions,
    overduePolicy: version.overduePolicy as OverduePolicy,
    submitGraceSeconds: version.submitGraceSeconds,
    reviewPolicy: version.reviewPolicy as ReviewPolicy,
    language: version.language,
    items: version.items.map(itemFromView),
  };
}

export function infoOf(item: SetItemView): QuestionInfo | undefined {
  const q = item.question;
  return q ? { title: q.title, topic: q.topic, type: q.type, difficulty: q.difficulty, expectedSeconds: q.expectedSeconds } : undefined;
}

/** The builder's form for a version, with what is known about each pinned question. */
export function formFromVersion(version: SetVersion): DraftForm {
  const infos = new Map(version.items.filter((i) => i.kind === 'fixed').map((i) => [`${i.questionId}/${i.versionId}`, infoOf(i)]));
  return formFromContent(contentFromVersion(version), (questionId, versionId) => infos.get(`${questionId}/${versionId}`));
}

type ItemInput = DraftInput['items'][number];

/** The builder keeps topics and types as strings; the server validates them against its lists. */
export function toDraftInput(content: DraftContent): DraftInput {
  return {
    ...content,
    items: content.items.map((item) =>
      item.kind === 'fixed'
        ? { kind: 'fixed' as const, questionId: item.questionId, ...(item.versionId ? { versionId: item.versionId } : {}), points: item.points }
        : {
            kind: 'pool' as const,
            topic: item.topic as ItemInput['topic'],
            count: item.count,
            difficulty: [...item.difficulty],
            ...(item.types ? { types: [...item.types] as ItemInput['types'] } : {}),
            ...(item.excludeTags ? { excludeTags: [...item.excludeTags] } : {}),
            points: item.points,
          },
    ),
  };
}

/** Fixed items added in this page learn the version the server pinned and their question's facts. */
export function learnFromSet(saved: QuestionSet, form: DraftForm): DraftForm {
  const byQuestion = new Map(saved.current.items.filter((i) => i.kind === 'fixed').map((i) => [i.questionId, i]));
  let changed = false;
  const items = form.items.map((item) => {
    if (item.kind !== 'fixed' || (item.versionId && item.info?.expectedSeconds !== undefined)) return item;
    const known = byQuestion.get(item.questionId);
    if (!known) return item;
    changed = true;
    return { ...item, versionId: item.versionId ?? known.versionId, info: infoOf(known) ?? item.info };
  });
  return changed ? { ...form, items } : form;
}
