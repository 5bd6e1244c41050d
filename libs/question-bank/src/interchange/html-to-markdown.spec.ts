import { decodeEntities, htmlToMarkdown } from './html-to-markdown';

describe('htmlToMarkdown', () => {
  it('should turn paragraphs, bold, italics, inline code and links into Markdown', () => {
    expect(htmlToMarkdown('<p>Use <strong>GOGC</strong> or <em>GOMEMLIMIT</em>, see <a href="https://go.dev/doc/gc-guide">the guide</a>.</p><p>Call <code>runtime.GC()</code>.</p>')).toBe(
      'Use **GOGC** or *GOMEMLIMIT*, see [the guide](https://go.dev/doc/gc-guide).\n\nCall `runtime.GC()`.',
    );
  });
  it('should turn pre blocks into fenced code with decoded entities', () => {
    expect(htmlToMarkdown('<p>Program:</p><pre><code>if a &lt; b &amp;&amp; ok {\n\treturn\n}</code></pre>')).toBe(
      'Program:\n\n```\nif a < b && ok {\n\treturn\n}\n```',
    );
  });
  it('should turn list items and line breaks into Markdown lines and drop unknown tags', () => {
    expect(htmlToMarkdown('<ul><li>one</li><li>two</li></ul><span class="x">a<br/>b</span>')).toBe('- one\n- two\n\na\nb');
  });
});

describe('decodeEntities', () => {
  it('should decode named, decimal and hex entities and leave unknown ones', () => {
    expect(decodeEntities('&lt;&gt;&amp;&quot;&apos;&nbsp;&#65;&#x1F680;&bogus;')).toBe('<>&"\' A\u{1F680}&bogus;');
  });
});
