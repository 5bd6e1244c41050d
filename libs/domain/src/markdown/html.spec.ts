import fc from 'fast-check';
import { codeBlockHtml, escapeHtml, goTokenLines, goTokens, markdownInlineHtml, markdownToHtml } from './html';

describe('markdownToHtml', () => {
  it('should render the prompt subset and escape raw HTML as text', () => {
    expect(markdownToHtml('Does `ch <- v` block?\n\n<script>alert(1)</script> **bold**')).toBe(
      '<p>Does <code>ch &lt;- v</code> block?</p>\n<p>&lt;script&gt;alert(1)&lt;/script&gt; <strong>bold</strong></p>',
    );
  });

  it('should keep safe links and drop javascript: ones to their text', () => {
    expect(markdownInlineHtml('[spec](https://go.dev/ref/mem) and [x](javascript:void)')).toBe('<a href="https://go.dev/ref/mem">spec</a> and x');
  });

  it('should render fenced Go code as a highlighted monospace block', () => {
    const html = markdownToHtml('```go\nfunc f() { return "x" } // done\n```');
    expect(html).toBe(
      '<pre class="gp-code"><code><span class="gp-k">func</span> f() { <span class="gp-k">return</span> <span class="gp-s">&quot;x&quot;</span> } <span class="gp-c">// done</span></code></pre>',
    );
  });
});

describe('goTokens', () => {
  it('should give the source back exactly when the tokens are joined', () => {
    fc.assert(fc.property(fc.string({ maxLength: 200 }), (src) => goTokens(src).map((t) => t.text).join('') === src));
  });

  it('should classify keywords, builtins, strings, raw strings, runes, numbers and comments', () => {
    const kinds = goTokens('go len(`a`) \'b\' 0x1F 3.5 /* c */ x').filter((t) => t.kind !== 'text').map((t) => [t.kind, t.text]);
    expect(kinds).toEqual([
      ['keyword', 'go'],
      ['builtin', 'len'],
      ['string', '`a`'],
      ['string', "'b'"],
      ['number', '0x1F'],
      ['number', '3.5'],
      ['comment', '/* c */'],
    ]);
  });
});

describe('codeBlockHtml', () => {
  it('should number lines for code-lines questions', () => {
    expect(codeBlockHtml('a := 1\nb := 2\n', 'go', true)).toBe(
      '<pre class="gp-code"><code><span class="gp-ln"> 1</span> a := <span class="gp-n">1</span>\n<span class="gp-ln"> 2</span> b := <span class="gp-n">2</span></code></pre>',
    );
  });

  it('should escape but not highlight other languages', () => {
    expect(codeBlockHtml('if <x>', 'text')).toBe('<pre class="gp-code"><code>if &lt;x&gt;</code></pre>');
  });

  it('should escape every HTML-significant character', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
});

describe('goTokenLines', () => {
  it('should give one entry per line whose texts rejoin to the source', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (src) => {
        const lines = goTokenLines(src);
        return lines.length === src.split('\n').length && lines.map((l) => l.map((t) => t.text).join('')).join('\n') === src;
      }),
    );
  });

  it('should keep a block comment and a raw string in their kind on every line they span', () => {
    const lines = goTokenLines('x := `a\nb` /* one\ntwo */ y\n');
    expect(lines).toEqual([
      [
        { kind: 'text', text: 'x := ' },
        { kind: 'string', text: '`a' },
      ],
      [
        { kind: 'string', text: 'b`' },
        { kind: 'text', text: ' ' },
        { kind: 'comment', text: '/* one' },
      ],
      [
        { kind: 'comment', text: 'two */' },
        { kind: 'text', text: ' y' },
      ],
      [],
    ]);
  });
});
