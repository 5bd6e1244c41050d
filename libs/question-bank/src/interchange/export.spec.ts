import { XMLValidator } from 'fast-xml-parser';
import * as bank from './__fixtures__/bank-questions';
import { exportQuestions, importQuestions } from './index';
import { patternToWildcards } from './from-bank';
import { formatFraction } from './gift/write-gift';

describe('GIFT export', () => {
  it('should write a single choice question with category, comments, [id:] [tag:], feedback and general feedback', () => {
    const { text } = exportQuestions([bank.single], 'gift');
    expect(text).toBe(
      [
        '// goprep export: 1 of 1 questions',
        '',
        '$CATEGORY: $course$/top/goprep/channels/nil-channels',
        '',
        '// goprep: difficulty 2, go_version 1.26, expected_seconds 60',
        '// references: https://go.dev/ref/spec#Channel_types',
        '// [id:ch-nil-receive] [tag:nil-channel] [tag:blocking]',
        '::Receive from a nil channel::[markdown]What does `<-ch` do when `ch` is `nil`?{',
        '\t=It blocks forever #Right\\: a nil channel is never ready.',
        '\t~It panics #Only `close(ch)` panics on a nil channel.',
        '\t~It returns the zero value',
        '\t####A nil channel is never ready. The receive blocks forever. Only close panics on nil.',
        '}',
        '',
      ].join('\n'),
    );
  });

  it('should weight multi answers +100/k and -100/k in Moodle five-decimal form', () => {
    const { text } = exportQuestions([bank.multi], 'gift');
    expect(text).toContain('\t~%50%a send and its matching receive\n\t~%50%`mu.Unlock()` and a later `mu.Lock()`\n\t~%-50%`time.Sleep(time.Second)` #Sleeping orders nothing.\n\t~%-50%two plain writes\n');
  });

  it('should write true/false, numeric with tolerance and essay bodies', () => {
    const { text } = exportQuestions([bank.trueFalse, bank.numeric, bank.essay], 'gift');
    expect(text).toContain('::Closing twice::[markdown]Closing an already closed channel panics.{TRUE####The runtime panics');
    expect(text).toContain('::Default GOGC::[markdown]What is the default GOGC value?{#100:0.5####GOGC defaults to 100.');
    expect(text).toContain('::Tail or head sampling::[markdown]When would you choose tail sampling over head sampling?{####Tail sampling');
    expect(text).toContain('// unit: %');
    expect(text).toContain('// rubric: names the collector buffering cost | keeps errors and slow traces');
  });

  it('should escape GIFT specials in titles, texts and answers', () => {
    const { text } = exportQuestions([bank.short], 'gift');
    expect(text).toContain('::Soft memory limit\\: \\{variable\\} \\= ?::');
    expect(text).toContain('Special characters\\: \\~ \\= \\# \\{ \\} \\: \\\\ done.{');
    expect(text).toContain('\t=GOMEMLIMIT\\=…\n');
  });

  it('should put a program on one line so its // comments and blank lines do not break the question', () => {
    const { text } = exportQuestions([bank.singleWithCode], 'gift');
    const questionLine = text.split('\n').find((line) => line.startsWith('::len and cap'));
    expect(questionLine).toContain('```go\\npackage main\\n\\nimport "fmt"\\n\\nfunc main() \\{\\n\t// a comment line that GIFT must not swallow\\n');
    expect(text).toContain('// verify: output');
  });

  it('should approximate code-output as a short answer and code-lines as Line N choices, and say so', () => {
    const { text, problems } = exportQuestions([bank.codeOutput, bank.codeLines], 'gift');
    expect(text).toContain('\t=1 1\n');
    expect(text).toContain('\t~%100%Line 8\\: `ch <- 1`\n');
    expect(text).toContain('\t~%-100%Line 7\\: `ch \\:\\= make(chan int, 1)`\n');
    expect(problems.map((p) => [p.file, p.message])).toEqual([
      [
        'libs/question-bank/bank/channels/ch-len-cap.md',
        'code-output approximated in GIFT as a short answer over the exact output (lines joined by spaces); line-by-line comparison and leading spaces are lost',
      ],
      ['libs/question-bank/bank/channels/ch-blocking-send.md', 'code-lines approximated in GIFT as a multiple-answer choice over "Line N" options'],
      [
        '<export>',
        'GIFT cannot express difficulty, go_version, expected_seconds, references, verify checks, follow-ups and the draft flag: they are written as comments and lost on import (ids and tags as [id:] [tag:] comments are read back)',
      ],
    ]);
  });

  it('should report flashcards, patterns and case sensitivity and report lost fields once per export', () => {
    const { text, problems } = exportQuestions(bank.ALL, 'gift');
    const messages = problems.map((p) => p.message);
    expect(text).not.toContain('goroutineleak profile');
    expect(text).toContain('// goprep export: 10 of 11 questions');
    expect(messages).toContain('flashcards are not expressible in GIFT; not exported');
    expect(messages).toContain('the pattern /(runtime/)?debug\\.SetMemoryLimit(\\(\\))?/ is not expressible in GIFT; only the accepted answers were exported');
    expect(messages).toContain('case-sensitive matching is not expressible in GIFT; Moodle will ignore case');
    expect(messages).toContain('the unit "%" is not expressible in GIFT (kept as a comment)');
    expect(messages.filter((m) => m.startsWith('GIFT cannot express'))).toHaveLength(1);
    expect(problems.every((p) => p.severity === 'warning')).toBe(true);
  });

  it('should write "->" in an answer so it is not read as a matching pair', () => {
    const question = { ...bank.single, options: [{ id: 'a', text: 'a -> b', correct: true }, { id: 'b', text: 'c', correct: false }] };
    expect(exportQuestions([question], 'gift').text).toContain('\t=a -\\> b\n');
  });

  it('should write an empty export without the lost-fields report', () => {
    expect(exportQuestions([], 'gift')).toEqual({ text: '// goprep export: 0 of 0 questions\n', problems: [] });
  });
});

describe('Moodle XML export', () => {
  const { text, problems } = exportQuestions(bank.ALL, 'moodle-xml');

  it('should produce well-formed XML', () => {
    expect(XMLValidator.validate(text)).toBe(true);
  });

  it('should write category pseudo-questions when the category changes', () => {
    expect(text).toContain('<question type="category">\n    <category><text>$course$/top/goprep/channels/nil-channels</text></category>\n  </question>');
  });

  it('should write a multichoice with single, fractions, idnumber, tags and CDATA where needed', () => {
    expect(text).toContain('<questiontext format="markdown"><text><![CDATA[What does `<-ch` do when `ch` is `nil`?]]></text></questiontext>');
    expect(text).toContain('<idnumber>ch-nil-receive</idnumber>\n    <single>true</single>');
    expect(text).toContain('<single>false</single>');
    expect(text).toContain('<answer fraction="-50" format="markdown">');
    expect(text).toContain('<tag><text>nil-channel</text></tag>');
  });

  it('should write truefalse, shortanswer with usecase, numerical with tolerance and unit, and essay grader info', () => {
    expect(text).toContain('<answer fraction="100" format="moodle_auto_format">\n      <text>true</text>');
    expect(text).toContain('<usecase>1</usecase>');
    expect(text).toContain('<text>100</text>\n      <tolerance>0.5</tolerance>');
    expect(text).toContain('<unit_name>%</unit_name>');
    expect(text).toContain('<graderinfo format="markdown"><text><![CDATA[- names the collector buffering cost\n- keeps errors and slow traces]]></text></graderinfo>');
  });

  it('should keep the goprep-only fields as XML comments without "--"', () => {
    expect(text).toContain('<!-- goprep: difficulty 2, go_version 1.26, expected_seconds 600 -->');
    const weird = exportQuestions([{ ...bank.single, references: ['https://example.com/a--b'] }], 'moodle-xml').text;
    expect(weird).toContain('<!-- references: https://example.com/a- -b -->');
    expect(XMLValidator.validate(weird)).toBe(true);
  });

  it('should split "]]>" across CDATA sections', () => {
    const tricky = exportQuestions([{ ...bank.single, prompt: 'x[0]]> and <b>' }], 'moodle-xml').text;
    expect(tricky).toContain('<![CDATA[x[0]]]]><![CDATA[> and <b>]]>');
    expect(XMLValidator.validate(tricky)).toBe(true);
  });

  it('should report approximations and the lost fields once', () => {
    const messages = problems.map((p) => p.message);
    expect(messages).toContain('flashcards are not expressible in Moodle XML; not exported');
    expect(messages).not.toContain('case-sensitive matching is not expressible in GIFT; Moodle will ignore case');
    expect(messages.filter((m) => m.startsWith('Moodle XML cannot express'))).toEqual([
      'Moodle XML cannot express difficulty, go_version, expected_seconds, references, verify checks, follow-ups and the draft flag: they are written as comments and lost on import (ids as <idnumber> and tags as <tags> are read back)',
    ]);
  });
});

describe('JSON export', () => {
  it('should wrap the questions with a format name and version', () => {
    const parsed = JSON.parse(exportQuestions([bank.single], 'json').text);
    expect(parsed).toEqual({ format: 'goprep-questions', version: 1, questions: [bank.single] });
  });
});

describe('export helpers', () => {
  it.each([
    [100, '100'],
    [100 / 3, '33.33333'],
    [-100 / 6, '-16.66667'],
    [100 / 7, '14.28571'],
    [12.5, '12.5'],
  ])('should format the fraction %d as %s', (fraction, expected) => {
    expect(formatFraction(fraction)).toBe(expected);
  });

  it.each([
    ['(?:go build -race.*)', ['go build -race*']],
    ['(?:a.*b)|(?:c\\.d)', ['a*b', 'c.d']],
    ['(?:lit\\*)', ['lit\\*']],
  ])('should read the wildcard-only pattern %s back as Moodle wildcards', (pattern, expected) => {
    expect(patternToWildcards(pattern)).toEqual(expected);
  });

  it.each([['go\\d+'], ['(?:a+)'], ['a|b'], ['(?:x)?']])('should not treat the regex %s as wildcards', (pattern) => {
    expect(patternToWildcards(pattern)).toBeUndefined();
  });
});

describe('GIFT export edge cases', () => {
  it('should give an answer starting with "%" an explicit weight so it is not read as one', () => {
    const question = {
      ...bank.single,
      options: [
        { id: 'a', text: '%50 of the heap', correct: true },
        { id: 'b', text: '%25', correct: false },
      ],
    };
    const { text } = exportQuestions([question], 'gift');
    expect(text).toContain('\t=%100%%50 of the heap\n\t~%0%%25\n');
    const back = importQuestions(text, 'gift').questions[0];
    expect(back?.options?.map((o) => [o.text, o.correct])).toEqual([
      ['%50 of the heap', true],
      ['%25', false],
    ]);
  });

  it('should not export a short answer that only a pattern accepts', () => {
    const question = { ...bank.shortWithPattern, key: { type: 'short' as const, accepted: [], caseSensitive: false, pattern: 'go\\d+' } };
    const result = exportQuestions([question], 'gift');
    expect(result.text).not.toContain('::Setting the limit');
    expect(result.problems.map((p) => p.message)).toContain('a short answer accepted only through a pattern is not expressible in GIFT; not exported');
  });
});
