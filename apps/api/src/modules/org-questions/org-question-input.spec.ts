import { importQuestions } from '@goprep/question-bank';
import { baseIdFromTitle, firstFreeId, inputFromImport, toInput, validateOrgQuestion, type OrgQuestionInput } from './org-question-input';

const common = {
  title: 'Closing a nil channel',
  topic: 'channels',
  subtopic: 'nil-channels',
  difficulty: 2,
  tags: ['nil-channel'],
  go_version: '1.26',
  expected_seconds: 60,
  references: ['https://go.dev/ref/spec#Close'],
  prompt: 'What happens when a program closes a nil channel?',
  explanation: 'It panics. The spec says so. Nothing else happens.',
};

const single: OrgQuestionInput = {
  ...common,
  type: 'single',
  options: [
    { id: 'a', text: 'It panics', correct: true },
    { id: 'b', text: 'Nothing', correct: false },
  ],
};

const codeOutput: OrgQuestionInput = {
  ...common,
  type: 'code-output',
  code: 'package main\n\nfunc main() {\n\tprintln("hi")\n}',
  outputs: ['hi\n'],
  verify: [{ kind: 'output' }],
};

const ordering: OrgQuestionInput = {
  ...common,
  type: 'ordering',
  items: [
    { id: 'send', text: 'the send on `ch`' },
    { id: 'recv', text: 'the receive from `ch` completes' },
    { id: 'print', text: '`main` prints `x`' },
  ],
};

const matching: OrgQuestionInput = {
  ...common,
  type: 'matching',
  pairs: [
    { id: 'close', text: '`close(ch)` on a nil channel', match: 'panics' },
    { id: 'send', text: 'a send on a nil channel', match: 'blocks forever' },
    { id: 'recv', text: 'a receive on a nil channel', match: 'blocks forever' },
  ],
  distractors: ['returns the zero value'],
};

describe('baseIdFromTitle', () => {
  it('should make an org- prefixed kebab slug of the title', () => {
    expect(baseIdFromTitle('  Why does `wg.Wait()` hang?  ')).toBe('org-why-does-wg-wait-hang');
    expect(baseIdFromTitle('Café au lait')).toBe('org-cafe-au-lait');
  });

  it('should fall back to org-question when the title has no latin letters or digits', () => {
    expect(baseIdFromTitle('通道')).toBe('org-question');
  });

  it('should keep ids within the bank limit of 80 characters without a trailing dash', () => {
    const id = baseIdFromTitle('a'.repeat(59) + ' ' + 'b'.repeat(50));
    expect(id.length).toBeLessThanOrEqual(64);
    expect(id.endsWith('-')).toBe(false);
  });
});

describe('firstFreeId', () => {
  it('should number a taken id from 2 upwards', () => {
    expect(firstFreeId('org-x', new Set())).toBe('org-x');
    expect(firstFreeId('org-x', new Set(['org-x', 'org-x-2']))).toBe('org-x-3');
  });
});

describe('validateOrgQuestion', () => {
  it('should refuse a code task (its files live in the bank), even with a valid task block', () => {
    const task = { ...common, type: 'code-task', task: { package: 'cache', files: ['cache.go'], checks: { race: true }, starter_fails: 'race' } };
    expect(validateOrgQuestion(task, 'org-a-task')).toEqual({
      ok: false,
      fields: [{ field: 'type', message: 'code tasks are authored in the question bank, not as organization questions' }],
    });
  });

  it('should accept a valid single-choice question without a program as not-applicable', () => {
    const result = validateOrgQuestion(single, 'org-closing-a-nil-channel');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.question.key).toEqual({ type: 'single', correct: 'a' });
    expect(result.question.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(result.verification).toBe('not-applicable');
  });

  it('should mark a question with a program unverified, not verified', () => {
    const result = validateOrgQuestion(codeOutput, 'org-x');
    expect(result.ok && result.verification).toBe('unverified');
    expect(result.ok && result.question.code).toBe('package main\n\nfunc main() {\n\tprintln("hi")\n}\n');
  });

  it("should apply the bank's consistency rules with field paths", () => {
    const twoCorrect = { ...single, options: [{ id: 'a', text: 'x', correct: true }, { id: 'a', text: 'y', correct: true }] };
    const result = validateOrgQuestion(twoCorrect, 'org-x');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.fields).toEqual(
      expect.arrayContaining([
        { field: 'options.1.id', message: 'duplicate option id "a"' },
        { field: 'options', message: 'single: exactly one option must be correct (found 2)' },
      ]),
    );
  });

  it('should report schema problems per field, missing keys as required and unknown keys by name', () => {
    const result = validateOrgQuestion({ ...single, difficulty: 9, references: ['http://example.com'], title: undefined, colour: 'red' }, 'org-x');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const fields = result.fields.map((f) => f.field).sort();
    expect(fields).toEqual(['colour', 'difficulty', 'references.0', 'title']);
    expect(result.fields.find((f) => f.field === 'title')?.message).toBe('is required');
  });

  it('should name the type field once when the type is unknown', () => {
    const result = validateOrgQuestion({ ...single, type: 'poem' }, 'org-x');
    expect(result.ok ? [] : result.fields).toEqual([
      { field: 'type', message: 'must be one of: single, multi, true-false, short, numeric, code-output, code-lines, essay, flashcard, matching, ordering' },
    ]);
  });

  it('should require a prompt, an explanation, and a program for code types', () => {
    const result = validateOrgQuestion({ ...codeOutput, code: '  ', prompt: '', explanation: undefined }, 'org-x');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.fields.map((f) => f.field)).toEqual(expect.arrayContaining(['prompt', 'explanation', 'code']));
  });

  it('should refuse key lines outside the program', () => {
    const lines = { ...codeOutput, type: 'code-lines', outputs: undefined, lines: [40], verify: [{ kind: 'deadlock', lines: [40] }] };
    const result = validateOrgQuestion(lines, 'org-x');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.fields).toEqual(expect.arrayContaining([{ field: 'lines.0', message: 'line 40 is outside the program (5 lines)' }]));
  });

  it('should take the back of a flashcard from answer and refuse an empty one', () => {
    const card = { ...common, type: 'flashcard', answer: 'It panics.' };
    const ok = validateOrgQuestion(card, 'org-x');
    expect(ok.ok && ok.question.key).toEqual({ type: 'flashcard', answer: 'It panics.' });
    const empty = validateOrgQuestion({ ...card, answer: '' }, 'org-x');
    expect(empty.ok ? [] : empty.fields.map((f) => f.field)).toEqual(['answer']);
  });

  it('should give the same content hash after a round trip through the input shape', () => {
    for (const input of [single, codeOutput, { ...common, type: 'numeric', answer: 4, tolerance: 0.5, unit: 'MiB' }, ordering, matching]) {
      const first = validateOrgQuestion(input, 'org-x');
      if (!first.ok) throw new Error(JSON.stringify(first.fields));
      const q = first.question;
      const source = toInput({
        title: q.title,
        topicId: q.topic,
        subtopic: q.subtopic,
        type: q.type,
        difficulty: q.difficulty,
        tags: q.tags,
        goVersion: q.goVersion,
        expectedSeconds: q.expectedSeconds,
        references: q.references,
        prompt: q.prompt,
        explanation: q.explanation,
        code: q.code ?? null,
        options: q.options ?? null,
        unit: q.unit ?? null,
        answerKey: q.key,
        verify: q.verify,
      });
      const second = validateOrgQuestion(source, 'org-x');
      expect(second.ok && second.question.contentHash).toBe(q.contentHash);
    }
  });

  it('should build an ordering key in the authored order and a matching key with shared and distractor choices', () => {
    const order = validateOrgQuestion(ordering, 'org-x');
    expect(order.ok && order.question.key).toEqual({ type: 'ordering', order: ['send', 'recv', 'print'] });
    expect(order.ok && order.verification).toBe('not-applicable');
    const match = validateOrgQuestion(matching, 'org-x');
    if (!match.ok) throw new Error(JSON.stringify(match.fields));
    // Two left items share "blocks forever": one right-hand choice; the distractor is a third.
    expect(match.question.key).toEqual({
      type: 'matching',
      pairs: [
        { left: 'close', right: 'm1' },
        { left: 'send', right: 'm2' },
        { left: 'recv', right: 'm2' },
      ],
    });
    expect(match.question.options?.filter((o) => o.side === 'right').map((o) => o.text)).toEqual(['panics', 'blocks forever', 'returns the zero value']);
  });

  it('should refuse too few or too many items, duplicate texts and a distractor equal to a pair, per field', () => {
    const fieldsOf = (input: OrgQuestionInput) => {
      const result = validateOrgQuestion(input, 'org-x');
      return result.ok ? [] : result.fields.map((f) => f.field);
    };
    const items = ordering['items'] as Array<{ id: string; text: string }>;
    expect(fieldsOf({ ...ordering, items: items.slice(0, 2) })).toEqual(['items']);
    expect(fieldsOf({ ...ordering, items: Array.from({ length: 13 }, (_, i) => ({ id: `i${i}`, text: `event ${i}` })) })).toEqual(['items']);
    expect(fieldsOf({ ...ordering, items: [...items, { id: 'again', text: items[0]!.text }] })).toEqual(['items.3.text']);
    expect(fieldsOf({ ...ordering, items: undefined })).toEqual(['items']);
    const pairs = matching['pairs'] as Array<{ id: string; text: string; match: string }>;
    expect(fieldsOf({ ...matching, pairs: pairs.slice(0, 1) })).toEqual(['pairs']);
    expect(fieldsOf({ ...matching, pairs: [...pairs, { id: 'dup', text: pairs[0]!.text, match: 'x' }] })).toEqual(['pairs.3.text']);
    expect(fieldsOf({ ...matching, distractors: ['panics'] })).toEqual(['distractors.0']);
    expect(fieldsOf({ ...matching, pairs: pairs.map((p) => ({ ...p, match: 'same' })), distractors: undefined })).toEqual(['pairs']);
    expect(fieldsOf({ ...matching, pairs: [{ ...pairs[0]!, id: 'm1' }, ...pairs.slice(1)] })).toEqual(['pairs.0.id']);
  });
});

describe('inputFromImport', () => {
  const REFS = ['https://go.dev/ref/spec#Close'];

  it('should turn an imported GIFT matching question into a valid input with the given references', () => {
    const gift = '::Nil ops::Match them.{\n=close(ch) -> panics\n=ch <- v -> blocks\n=<-ch -> blocks\n####Close panics. Sends block. Receives block.\n}\n';
    const [question] = importQuestions(gift, 'gift', { topic: 'channels' }).questions;
    const mapped = inputFromImport(question!, REFS);
    if (!('input' in mapped)) throw new Error(mapped.unsupported);
    expect(mapped.input).toMatchObject({ type: 'matching', references: REFS, topic: 'channels' });
    const validated = validateOrgQuestion(mapped.input, 'org-nil-ops');
    expect(validated.ok ? [] : validated.fields).toEqual([]);
    expect(validated.ok && validated.question.key).toEqual(question!.key);
  });

  it('should refuse weighted short answers instead of dropping their partial credit', () => {
    const gift = '::Built-in::Which built-in closes a channel?{=close =%50%Close ####The built-in close closes it.}';
    const [question] = importQuestions(gift, 'gift', { topic: 'channels' }).questions;
    expect(question!.type).toBe('short');
    const mapped = inputFromImport(question!, REFS);
    expect('unsupported' in mapped && mapped.unsupported).toMatch(/partial credit/);
  });
});
