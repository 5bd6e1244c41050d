import { QUESTION_TYPES, TOPIC_IDS, type BankQuestion, type LoadedBank } from '../model';

export interface BankStats {
  questions: number;
  byTopic: Record<string, number>;
  byType: Record<string, number>;
  byDifficulty: Record<string, number>;
  codeQuestions: number;
  /** Questions with at least one verify check. */
  verifiable: number;
}

const zeroes = (keys: readonly string[]): Record<string, number> => Object.fromEntries(keys.map((key) => [key, 0]));

/** Counts per topic, type and difficulty; every known key is present (zero included) so the shape is stable. */
export function bankStats(bank: LoadedBank | readonly BankQuestion[]): BankStats {
  const questions: readonly BankQuestion[] = 'questions' in bank ? bank.questions : bank;
  const stats: BankStats = {
    questions: questions.length,
    byTopic: zeroes(TOPIC_IDS),
    byType: zeroes(QUESTION_TYPES),
    byDifficulty: zeroes(['1', '2', '3', '4', '5']),
    codeQuestions: 0,
    verifiable: 0,
  };
  for (const question of questions) {
    stats.byTopic[question.topic] = (stats.byTopic[question.topic] ?? 0) + 1;
    stats.byType[question.type] = (stats.byType[question.type] ?? 0) + 1;
    stats.byDifficulty[String(question.difficulty)] = (stats.byDifficulty[String(question.difficulty)] ?? 0) + 1;
    if (question.code !== undefined) stats.codeQuestions += 1;
    if (question.verify.length > 0) stats.verifiable += 1;
  }
  return stats;
}
