import type { BankQuestion } from '@goprep/question-bank';
import type { QuestionVerification, QuestionVersionEntity } from './question.entities';

export type VersionRow = Omit<QuestionVersionEntity, 'id' | 'createdAt' | 'answerKey' | 'verify'> & {
  answerKey: object;
  verify: object;
};

/** One immutable `question_versions` row for a question, from the bank files or an org author. */
export function versionRow(q: BankQuestion, version: number, verification: QuestionVerification): VersionRow {
  return {
    questionId: q.id,
    version,
    contentHash: q.contentHash,
    title: q.title,
    topicId: q.topic,
    subtopic: q.subtopic,
    type: q.type,
    difficulty: q.difficulty,
    tags: q.tags,
    goVersion: q.goVersion,
    expectedSeconds: q.expectedSeconds,
    prompt: q.prompt,
    code: q.code ?? null,
    options: q.options ?? null,
    unit: q.unit ?? null,
    answerKey: q.key,
    explanation: q.explanation,
    followUps: q.followUps ?? null,
    references: q.references,
    verify: q.verify,
    searchText: [q.title, q.prompt, q.subtopic, ...q.tags].join(' '),
    verification,
  };
}
