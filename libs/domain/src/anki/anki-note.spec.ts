import { ANKI_LABELS, ankiId, ankiNote, ankiTag, type AnkiSourceQuestion } from './anki-note';

const base: AnkiSourceQuestion = {
  id: 'ch-close-nil-panics',
  title: 'Closing a nil channel',
  topic: 'channels',
  subtopic: 'Closing channels',
  type: 'single',
  tags: ['close', 'nil channel'],
  prompt: 'What does this program do?',
  code: 'package main\n\nfunc main() {\n\tvar ch chan int\n\tclose(ch)\n}\n',
  options: [
    { id: 'a', text: 'Nothing' },
    { id: 'b', text: 'It panics: `close of nil channel`' },
  ],
  unit: null,
  key: { type: 'single', correct: 'b' },
  explanation: 'Closing a nil channel panics (the spec, [Close](https://go.dev/ref/spec#Close)).',
  references: ['https://go.dev/ref/spec#Close'],
  modifiedAt: 1_764_000_000,
};

describe('ankiId', () => {
  it('should be stable, positive, below 2^53 and different for different seeds', () => {
    const ids = ['note:a', 'note:b', 'card:a', 'deck:user-1'].map(ankiId);
    expect(ids.map(ankiId.bind(null, 'note:a')).every((x) => x === ids[0])).toBe(true);
    expect(new Set(ids).size).toBe(4);
    for (const id of ids) expect(Number.isSafeInteger(id) && id > 0).toBe(true);
  });
});

describe('ankiTag', () => {
  it('should make tags without spaces or hierarchy separators', () => {
    expect(ankiTag('  Closing channels ')).toBe('closing-channels');
    expect(ankiTag('a::b c')).toBe('a-b-c');
  });
});

describe('ankiNote', () => {
  it('should put the prompt, highlighted code and lettered options on the front', () => {
    const note = ankiNote(base, ANKI_LABELS.en);
    const [front, back, id] = note.fields;
    expect(id).toBe('ch-close-nil-panics');
    expect(front).toContain('<div class="gp-title">Closing a nil channel</div>');
    expect(front).toContain('<pre class="gp-code"><code><span class="gp-k">package</span> main');
    expect(front).toContain('<span class="gp-b">close</span>(ch)');
    expect(front).toContain('<ol class="gp-options" type="A"><li>Nothing</li><li>It panics: <code>close of nil channel</code></li></ol>');
    expect(back).toContain('<strong>Answer:</strong> B. It panics: <code>close of nil channel</code>');
    expect(back).toContain('<a href="https://go.dev/ref/spec#Close">Close</a>');
    expect(back).toContain('<strong>References</strong><ul><li>https://go.dev/ref/spec#Close</li></ul>');
  });

  it('should derive the guid and ids from the question id only, so a new export updates the same note', () => {
    const a = ankiNote(base, ANKI_LABELS.en);
    const b = ankiNote({ ...base, title: 'Changed', modifiedAt: base.modifiedAt + 60 }, ANKI_LABELS['zh-CN']);
    expect([b.guid, b.noteId, b.cardId]).toEqual([a.guid, a.noteId, a.cardId]);
    expect(a.guid).toBe('goprep:ch-close-nil-panics');
    expect(b.modifiedAt).toBeGreaterThan(a.modifiedAt);
    expect(ankiNote({ ...base, id: 'other' }, ANKI_LABELS.en).noteId).not.toBe(a.noteId);
  });

  it('should tag by topic and subtopic, hierarchically', () => {
    expect(ankiNote(base, ANKI_LABELS.en).tags).toEqual(['goprep', 'goprep::channels', 'goprep::channels::closing-channels', 'close', 'nil-channel']);
  });

  it('should write each key type as an answer a reader understands', () => {
    const answer = (q: Partial<AnkiSourceQuestion>, labels = ANKI_LABELS.en) => ankiNote({ ...base, ...q } as AnkiSourceQuestion, labels).fields[1].split('</div>')[0];
    expect(answer({ type: 'multi', key: { type: 'multi', correct: ['a', 'b'] } })).toContain('A. Nothing<br>B. It panics');
    expect(answer({ type: 'true-false', options: null, key: { type: 'true-false', answer: false } }, ANKI_LABELS['zh-CN'])).toContain('<strong>答案:</strong> 错误');
    expect(answer({ type: 'short', options: null, key: { type: 'short', accepted: ['GOGC', 'gogc<1>'], caseSensitive: false } })).toContain('GOGC / gogc&lt;1&gt;');
    expect(answer({ type: 'numeric', options: null, unit: 'MiB', key: { type: 'numeric', answer: 4, tolerance: 0.5 } })).toContain('4 MiB (within ±0.5)');
    expect(answer({ type: 'code-output', options: null, key: { type: 'code-output', outputs: ['1\n2\n'] } })).toContain('<pre class="gp-code"><code>1\n2</code></pre>');
    expect(answer({ type: 'code-lines', options: null, key: { type: 'code-lines', lines: [4, 5] } })).toContain('Lines 4, 5');
    expect(answer({ type: 'essay', options: null, key: { type: 'essay', rubric: ['names `GOMEMLIMIT`'] } })).toContain('<li>names <code>GOMEMLIMIT</code></li>');
    expect(answer({ type: 'flashcard', options: null, key: { type: 'flashcard', answer: 'The **pacer**' } })).toContain('<p>The <strong>pacer</strong></p>');
    expect(answer({ type: 'code-task', options: null, key: { type: 'code-task', scoring: 'all' } })).toContain('hidden tests');
  });

  it('should number the code lines and ask which line for a code-lines question', () => {
    const front = ankiNote({ ...base, type: 'code-lines', options: null, key: { type: 'code-lines', lines: [5] } }, ANKI_LABELS.en).fields[0];
    expect(front).toContain('<span class="gp-ln"> 5</span> \t<span class="gp-b">close</span>(ch)');
    expect(front).toContain('<p>Which line(s)?</p>');
  });
});
