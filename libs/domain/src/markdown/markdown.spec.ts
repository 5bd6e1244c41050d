import { parseInline, parseMarkdown, safeHref } from './markdown';

describe('parseMarkdown', () => {
  it('should split paragraphs on blank lines and join wrapped lines', () => {
    expect(parseMarkdown('one\ntwo\n\nthree')).toEqual([
      { kind: 'paragraph', children: [{ kind: 'text', text: 'one two' }] },
      { kind: 'paragraph', children: [{ kind: 'text', text: 'three' }] },
    ]);
  });

  it('should keep fenced code verbatim, including markup characters', () => {
    const blocks = parseMarkdown('```go\nfunc main() {\n\t*p = <b>1</b>\n}\n```');
    expect(blocks).toEqual([{ kind: 'code', lang: 'go', text: 'func main() {\n\t*p = <b>1</b>\n}' }]);
  });

  it('should parse bullet and numbered lists', () => {
    expect(parseMarkdown('- a\n- b `c`')).toEqual([
      {
        kind: 'list',
        ordered: false,
        start: 1,
        items: [[{ kind: 'text', text: 'a' }], [{ kind: 'text', text: 'b ' }, { kind: 'code', text: 'c' }]],
      },
    ]);
    const ordered = parseMarkdown('3. x\n4. y');
    expect(ordered[0]).toMatchObject({ kind: 'list', ordered: true, start: 3 });
  });

  it('should keep raw HTML as text rather than markup', () => {
    expect(parseMarkdown('<script>alert(1)</script>')).toEqual([
      { kind: 'paragraph', children: [{ kind: 'text', text: '<script>alert(1)</script>' }] },
    ]);
  });

  it('should close an unterminated code fence at the end of the input', () => {
    expect(parseMarkdown('```\nx')).toEqual([{ kind: 'code', lang: '', text: 'x' }]);
  });
});

describe('parseInline', () => {
  it('should parse strong, emphasis and inline code', () => {
    expect(parseInline('**bold** and *it* and `x*y`')).toEqual([
      { kind: 'strong', children: [{ kind: 'text', text: 'bold' }] },
      { kind: 'text', text: ' and ' },
      { kind: 'em', children: [{ kind: 'text', text: 'it' }] },
      { kind: 'text', text: ' and ' },
      { kind: 'code', text: 'x*y' },
    ]);
  });

  it('should not treat underscores inside identifiers as emphasis', () => {
    expect(parseInline('GOMAXPROCS and runtime_pollWait_x')).toEqual([
      { kind: 'text', text: 'GOMAXPROCS and runtime_pollWait_x' },
    ]);
  });

  it('should drop links with unsafe schemes but keep their text', () => {
    expect(parseInline('[click](javascript:alert(1))')).toEqual([
      { kind: 'text', text: 'click' },
      { kind: 'text', text: ')' },
    ]);
    expect(parseInline('[Go](https://go.dev/ref/mem)')).toEqual([
      { kind: 'link', href: 'https://go.dev/ref/mem', children: [{ kind: 'text', text: 'Go' }] },
    ]);
  });
});

describe('safeHref', () => {
  it.each([
    ['https://go.dev', 'https://go.dev'],
    ['/practice', '/practice'],
    ['mailto:a@b.c', 'mailto:a@b.c'],
    ['javascript:alert(1)', null],
    ['data:text/html,hi', null],
    ['//evil.example', null],
  ])('should map %s to %s', (input, expected) => {
    expect(safeHref(input)).toBe(expected);
  });
});
