import type { BankQuestion } from '../model';
import type { ParsedTranslationFile } from './parse-translation';
import type { QuestionTranslation, TranslationProblem, TranslationStatus } from './model';

/** Fenced code blocks, whole (fence lines included), in order. */
export function fencedBlocks(markdown: string): string[] {
  const blocks: string[] = [];
  let current: string[] | undefined;
  let marker = '';
  for (const line of markdown.split('\n')) {
    const fence = /^\s*(`{3,}|~{3,})/.exec(line);
    if (current === undefined) {
      if (fence) {
        current = [line.trim()];
        marker = fence[1] ?? '';
      }
      continue;
    }
    current.push(line.trimEnd());
    if (fence && (fence[1] ?? '').startsWith(marker) && line.trim() === fence[1]) {
      blocks.push(current.join('\n'));
      current = undefined;
    }
  }
  if (current !== undefined) blocks.push(current.join('\n'));
  return blocks;
}

/** The text outside fenced code blocks. */
export function withoutFences(markdown: string): string {
  const fenced = new Set<number>();
  let marker: string | undefined;
  markdown.split('\n').forEach((line, index) => {
    const fence = /^\s*(`{3,}|~{3,})/.exec(line);
    if (marker === undefined && fence) {
      marker = fence[1] ?? '';
      fenced.add(index);
    } else if (marker !== undefined) {
      fenced.add(index);
      if (fence && line.trim() === fence[1] && (fence[1] ?? '').startsWith(marker)) marker = undefined;
    }
  });
  return markdown
    .split('\n')
    .filter((_, index) => !fenced.has(index))
    .join('\n');
}

const CODE_SPAN = /(`+)([\s\S]*?[^`])\1(?!`)/g;

/** Inline code spans outside fences, their content as written (Markdown's rules, minus the edge-space trim). */
export function codeSpans(markdown: string): string[] {
  return [...withoutFences(markdown).matchAll(CODE_SPAN)].map((match) => match[2] ?? '');
}

/** The prose a reader reads: fences, code spans, URLs and link targets removed. */
export function proseOf(markdown: string): string {
  return withoutFences(markdown)
    .replace(CODE_SPAN, ' ')
    .replace(/\]\([^)]*\)/g, ']')
    .replace(/https?:\/\/\S+/g, ' ');
}

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
/** A Latin word, allowing Go-ish compounds (happens-before, GOMEMLIMIT, client-go, 1.26). */
const WORD = /[A-Za-z][A-Za-z0-9'’]*(?:[-.][A-Za-z0-9]+)*/g;
/** This many Latin words in a row, with only spaces and light punctuation between, is an English sentence left behind. */
export const UNTRANSLATED_RUN = 6;

/**
 * A word of English prose, as opposed to an identifier an engineer keeps: all lowercase letters or
 * Capitalised (`select`, `The`), not ALLCAPS (`GOGC`), camelCase (`ReadMemStats`) or dotted/dashed
 * compounds (`runtime.GC`, `happens-before`), which stay English in a Chinese text.
 */
const PROSE_WORD = /^(?:[a-z]{2,}|[A-Z][a-z]+)$/;
/** Of a run this long, at least this many must be prose words for it to count as a sentence. */
const MIN_PROSE_IN_RUN = 4;

/**
 * English prose left in a translated text: a run of words, or a text with no Chinese at all.
 * Text in ASCII double quotes is left alone: quoted program output and messages are copied as is.
 * So is text in Chinese quotes (“…”) that stands verbatim in the English: a tool's message quoted
 * in a Chinese sentence.
 */
export function untranslatedFragment(markdown: string, english = ''): string | undefined {
  const flat = (text: string): string => text.replace(/\s+/g, ' ').trim();
  const englishFlat = flat(english);
  const prose = proseOf(markdown)
    .replace(/"[^"\n]*"/g, ' ')
    .replace(/“([^”\n]*)”/g, (quoted: string, inner: string) => (flat(inner) !== '' && englishFlat.includes(flat(inner)) ? ' ' : quoted));
  const words = [...prose.matchAll(WORD)];
  const proseCount = (from: number, to: number): number => words.slice(from, to).filter((word) => PROSE_WORD.test(word[0])).length;
  let runStart = 0;
  for (let i = 1; i <= words.length; i += 1) {
    const previous = words[i - 1];
    const current = words[i];
    const joined =
      previous !== undefined && current !== undefined && /^[\s,;:()'“”]*$/.test(prose.slice((previous.index ?? 0) + previous[0].length, current.index));
    if (joined) continue;
    if (i - runStart >= UNTRANSLATED_RUN && proseCount(runStart, i) >= MIN_PROSE_IN_RUN) {
      const first = words[runStart];
      const last = words[i - 1];
      if (first && last) return prose.slice(first.index, (last.index ?? 0) + last[0].length);
    }
    runStart = i;
  }
  if (!CJK.test(prose) && proseCount(0, words.length) >= 3) return prose.trim().replace(/\s+/g, ' ');
  return undefined;
}

const PLACEHOLDER = /\bTODO\b|\bTBD\b|<translated|\[translate/i;

const sameMultiset = (a: readonly string[], b: readonly string[]): boolean => {
  if (a.length !== b.length) return false;
  const sorted = (list: readonly string[]): string[] => [...list].sort();
  const x = sorted(a);
  const y = sorted(b);
  return x.every((item, index) => item === y[index]);
};

const difference = (a: readonly string[], b: readonly string[]): string[] => {
  const rest = [...b];
  const missing: string[] = [];
  for (const item of a) {
    const at = rest.indexOf(item);
    if (at >= 0) rest.splice(at, 1);
    else missing.push(item);
  }
  return missing;
};

export function translationStatus(translation: Pick<QuestionTranslation, 'sourceHash'>, english: Pick<BankQuestion, 'contentHash'>): TranslationStatus {
  return translation.sourceHash === english.contentHash ? 'fresh' : 'stale';
}

/**
 * Checks a parsed translation against its English question: the shared structure (option ids and
 * order, rubric count, sections), the code and output that must be copied byte for byte, English
 * left behind, and whether the English changed since the translation was made.
 */
export function checkTranslation(parsed: ParsedTranslationFile, english: BankQuestion): TranslationProblem[] {
  const translation = parsed.translation;
  if (!translation) return [];
  const problems: TranslationProblem[] = [];
  const file = parsed.file;
  const error = (message: string, line: number): void => {
    problems.push({ file, line, message, kind: 'error' });
  };

  if (translation.topic !== english.topic) {
    error(`the English question ${english.id} is in topic "${english.topic}", not "${translation.topic}"`, parsed.lineOf(['id']));
  }

  // Structure shared with the English.
  const englishOptions = english.options ?? [];
  if (englishOptions.length > 0) {
    const ids = translation.options?.map((option) => option.id) ?? [];
    const wanted = englishOptions.map((option) => option.id);
    if (translation.options === undefined) {
      error(`options missing: the English has ${wanted.join(', ')}`, parsed.lineOf(['title']));
    } else if (ids.join('\u0000') !== wanted.join('\u0000')) {
      error(`option ids [${ids.join(', ')}] must equal the English ids [${wanted.join(', ')}] in the same order`, parsed.lineOf(['options']));
    } else {
      englishOptions.forEach((option, index) => {
        const translated = translation.options?.[index];
        if (option.feedback !== undefined && translated?.feedback === undefined) {
          error(`option ${option.id}: the English has feedback; translate it`, parsed.lineOf(['options', index]));
        }
        if (option.feedback === undefined && translated?.feedback !== undefined) {
          error(`option ${option.id}: the English has no feedback`, parsed.lineOf(['options', index, 'feedback']));
        }
      });
    }
  } else if (translation.options !== undefined) {
    error(`the English ${english.type} question has no options`, parsed.lineOf(['options']));
  }
  if (translation.accepted !== undefined && english.key.type !== 'short') {
    error('`accepted` is for short questions only', parsed.lineOf(['accepted']));
  }
  if (translation.unit !== undefined && english.unit === undefined) {
    error('the English question has no unit', parsed.lineOf(['unit']));
  }
  const englishRubric = english.key.type === 'essay' ? english.key.rubric : [];
  if (englishRubric.length > 0 && (translation.rubric?.length ?? 0) !== englishRubric.length) {
    error(`rubric needs ${englishRubric.length} line(s) in the English order (found ${translation.rubric?.length ?? 0})`, parsed.lineOf(['rubric']));
  } else if (englishRubric.length === 0 && translation.rubric !== undefined) {
    error('the English question has no rubric', parsed.lineOf(['rubric']));
  }
  const englishFollowUps = english.followUps ?? [];
  if (englishFollowUps.length > 0 && (translation.followUps?.length ?? 0) !== englishFollowUps.length) {
    error(
      `follow_ups needs ${englishFollowUps.length} item(s) in the English order (found ${translation.followUps?.length ?? 0})`,
      parsed.lineOf([translation.followUps !== undefined ? 'follow_ups' : 'title']),
    );
  } else if (englishFollowUps.length === 0 && translation.followUps !== undefined) {
    error('the English question has no follow_ups', parsed.lineOf(['follow_ups']));
  }
  const sections = parsed.sections;
  const bodyLine = sections?.answerLine ?? sections?.explanationLine ?? sections?.lastLine ?? 1;
  if (english.key.type === 'flashcard' && translation.answer === undefined) {
    error('a flashcard translation needs an `## Answer` section before `## Explanation`', bodyLine);
  }
  if (english.key.type !== 'flashcard' && translation.answer !== undefined) {
    error('only flashcards have an `## Answer` section', sections?.answerLine ?? bodyLine);
  }

  // Text pairs: code copied exactly, no English prose left, no placeholders.
  const pairs: { label: string; en: string; zh: string | undefined; line: number }[] = [
    { label: 'title', en: english.title, zh: translation.title, line: parsed.lineOf(['title']) },
    { label: 'prompt', en: english.prompt, zh: translation.prompt, line: parsed.bodyStartLine },
    { label: 'explanation', en: english.explanation, zh: translation.explanation, line: sections?.explanationLine ?? bodyLine },
  ];
  if (english.key.type === 'flashcard') pairs.push({ label: 'answer', en: english.key.answer, zh: translation.answer, line: sections?.answerLine ?? bodyLine });
  englishOptions.forEach((option, index) => {
    const translated = translation.options?.[index];
    if (translated?.id !== option.id) return;
    pairs.push({ label: `option ${option.id}`, en: option.text, zh: translated.text, line: parsed.lineOf(['options', index, 'text']) });
    if (option.feedback !== undefined && translated.feedback !== undefined) {
      pairs.push({ label: `option ${option.id} feedback`, en: option.feedback, zh: translated.feedback, line: parsed.lineOf(['options', index, 'feedback']) });
    }
  });
  if (translation.rubric?.length === englishRubric.length) {
    englishRubric.forEach((point, index) => pairs.push({ label: `rubric ${index + 1}`, en: point, zh: translation.rubric?.[index], line: parsed.lineOf(['rubric', index]) }));
  }
  if (translation.followUps?.length === englishFollowUps.length) {
    englishFollowUps.forEach((item, index) =>
      pairs.push({ label: `follow-up ${index + 1}`, en: item, zh: translation.followUps?.[index], line: parsed.lineOf(['follow_ups', index]) }),
    );
  }
  for (const pair of pairs) {
    if (pair.zh === undefined || pair.zh === '') continue;
    const enSpans = codeSpans(pair.en);
    const zhSpans = codeSpans(pair.zh);
    if (!sameMultiset(enSpans, zhSpans)) {
      const missing = difference(enSpans, zhSpans).map((span) => `\`${span}\``);
      const extra = difference(zhSpans, enSpans).map((span) => `\`${span}\``);
      error(
        `${pair.label}: code spans differ from the English` +
          (missing.length > 0 ? `; missing ${missing.join(' ')}` : '') +
          (extra.length > 0 ? `; not in the English ${extra.join(' ')}` : ''),
        pair.line,
      );
    }
    if (fencedBlocks(pair.en).join('\n\u0000') !== fencedBlocks(pair.zh).join('\n\u0000')) {
      error(`${pair.label}: fenced code blocks must be copied from the English unchanged`, pair.line);
    }
    // A placeholder the English itself contains (a spec's own "TODO") is content, not a leftover.
    if (PLACEHOLDER.test(proseOf(pair.zh)) && !PLACEHOLDER.test(proseOf(pair.en))) error(`${pair.label}: placeholder text left in the translation`, pair.line);
    const fragment = untranslatedFragment(pair.zh, pair.en);
    if (fragment !== undefined) {
      error(`${pair.label}: untranslated fragment "${fragment.length > 80 ? `${fragment.slice(0, 77)}...` : fragment}"`, pair.line);
    }
  }

  if (translation.sourceHash === undefined) {
    problems.push({ file, line: 1, message: 'no source_hash: run `npm run bank -- translations stamp` once the translation matches the English', kind: 'stale' });
  } else if (translation.sourceHash !== english.contentHash) {
    problems.push({
      file,
      line: parsed.lineOf(['source_hash']),
      message: `stale: the English question changed since this translation (source_hash ${translation.sourceHash.slice(0, 12)}..., now ${english.contentHash.slice(0, 12)}...)`,
      kind: 'stale',
    });
  }
  return problems;
}
