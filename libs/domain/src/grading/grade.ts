import type { AnswerKey } from './answer-key';
import { gradeCodeLines, gradeMulti, gradeSingle } from './choice';
import { gradeCodeOutput } from './code-output';
import { gradeCodeTask } from './code-task';
import { gradeEssay, gradeFlashcard } from './manual';
import { gradeMatching } from './matching';
import { gradeNumeric } from './numeric';
import { gradeOrdering } from './ordering';
import type { Response, ResponseOf } from './response';
import { INCORRECT, UNANSWERED, type GradeResult } from './result';
import { gradeShort } from './short';
import { gradeTrueFalse } from './true-false';

/**
 * Grades one response against its key. No response at all is `unanswered` (a flashcard stays
 * unscored). A response of another type than the key (saved for a different question version)
 * earns nothing rather than throwing, so one stale answer cannot fail a whole submission.
 */
export function grade(key: AnswerKey, response: Response | undefined): GradeResult {
  if (response === undefined) {
    return key.type === 'flashcard' ? { score: null, status: 'unanswered' } : UNANSWERED;
  }
  if (response.type !== key.type) return INCORRECT;
  switch (key.type) {
    case 'single':
      return gradeSingle(key, response as ResponseOf<'single'>);
    case 'multi':
      return gradeMulti(key, response as ResponseOf<'multi'>);
    case 'true-false':
      return gradeTrueFalse(key, response as ResponseOf<'true-false'>);
    case 'short':
      return gradeShort(key, response as ResponseOf<'short'>);
    case 'numeric':
      return gradeNumeric(key, response as ResponseOf<'numeric'>);
    case 'code-output':
      return gradeCodeOutput(key, response as ResponseOf<'code-output'>);
    case 'code-lines':
      return gradeCodeLines(key, response as ResponseOf<'code-lines'>);
    case 'essay':
      return gradeEssay(key, response as ResponseOf<'essay'>);
    case 'flashcard':
      return gradeFlashcard(key, response as ResponseOf<'flashcard'>);
    case 'code-task':
      return gradeCodeTask(key, response as ResponseOf<'code-task'>);
    case 'matching':
      return gradeMatching(key, response as ResponseOf<'matching'>);
    case 'ordering':
      return gradeOrdering(key, response as ResponseOf<'ordering'>);
    default:
      return assertNever(key);
  }
}

function assertNever(value: never): never {
  throw new Error(`unhandled answer key: ${JSON.stringify(value)}`);
}
