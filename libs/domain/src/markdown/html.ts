import { parseMarkdown, safeHref, type Block, type Inline } from './markdown';

/**
 * HTML for places outside the browser app that show question text (the Anki export). Every piece
 * of text is escaped: raw HTML in a prompt stays text, as it does on screen.
 */
export function escapeHtml(text: string): string {
  const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
  return text.replace(/[&<>"']/g, (c) => entities[c] ?? c);
}

function inlineHtml(nodes: Inline[]): string {
  return nodes
    .map((n) => {
      switch (n.kind) {
        case 'text':
          return escapeHtml(n.text);
        case 'code':
          return `<code>${escapeHtml(n.text)}</code>`;
        case 'strong':
          return `<strong>${inlineHtml(n.children)}</strong>`;
        case 'em':
          return `<em>${inlineHtml(n.children)}</em>`;
        case 'link': {
          const href = safeHref(n.href);
          return href ? `<a href="${escapeHtml(href)}">${inlineHtml(n.children)}</a>` : inlineHtml(n.children);
        }
      }
    })
    .join('');
}

function blockHtml(block: Block): string {
  switch (block.kind) {
    case 'paragraph':
      return `<p>${inlineHtml(block.children)}</p>`;
    case 'heading':
      return `<h${block.level + 2}>${inlineHtml(block.children)}</h${block.level + 2}>`;
    case 'code':
      return codeBlockHtml(block.text, block.lang);
    case 'list': {
      const tag = block.ordered ? 'ol' : 'ul';
      const start = block.ordered && block.start !== 1 ? ` start="${block.start}"` : '';
      return `<${tag}${start}>${block.items.map((item) => `<li>${inlineHtml(item)}</li>`).join('')}</${tag}>`;
    }
  }
}

/** The prompt Markdown subset (see markdown.ts) as HTML. */
export function markdownToHtml(source: string): string {
  return parseMarkdown(source).map(blockHtml).join('\n');
}

/** Short text (an option, a reference) without the paragraph around it when it is one paragraph. */
export function markdownInlineHtml(source: string): string {
  const blocks = parseMarkdown(source);
  const only = blocks[0];
  return blocks.length === 1 && only?.kind === 'paragraph' ? inlineHtml(only.children) : blocks.map(blockHtml).join('\n');
}

const GO_KEYWORDS = new Set(
  'break case chan const continue default defer else fallthrough for func go goto if import interface map package range return select struct switch type var'.split(' '),
);
const GO_BUILTINS = new Set(
  'append cap clear close complex copy delete imag len make max min new panic print println real recover bool byte comparable complex64 complex128 error float32 float64 int int8 int16 int32 int64 rune string uint uint8 uint16 uint32 uint64 uintptr any true false iota nil'.split(' '),
);

/** One token class per span: comment, string, number, keyword, builtin (or plain text). */
export type GoToken = { kind: 'comment' | 'string' | 'number' | 'keyword' | 'builtin' | 'text'; text: string };

const GO_TOKEN = /(\/\/[^\n]*|\/\*[\s\S]*?(?:\*\/|$))|("(?:[^"\\\n]|\\.)*"?|`[^`]*`?|'(?:[^'\\\n]|\\.)*'?)|(\b\d[\d_]*(?:\.\d+)?(?:[eE][+-]?\d+)?\b|\b0[xX][\da-fA-F_]+\b)|([A-Za-z_][A-Za-z0-9_]*)/g;

/** Splits Go source into highlightable tokens; joining their texts gives the source back exactly. */
export function goTokens(source: string): GoToken[] {
  const out: GoToken[] = [];
  let last = 0;
  const push = (kind: GoToken['kind'], text: string) => {
    if (text === '') return;
    const prev = out[out.length - 1];
    if (prev && prev.kind === kind && kind === 'text') prev.text += text;
    else out.push({ kind, text });
  };
  for (const m of source.matchAll(GO_TOKEN)) {
    push('text', source.slice(last, m.index));
    const [all, comment, str, num, word] = m;
    if (comment !== undefined) push('comment', all);
    else if (str !== undefined) push('string', all);
    else if (num !== undefined) push('number', all);
    else if (word !== undefined) push(GO_KEYWORDS.has(word) ? 'keyword' : GO_BUILTINS.has(word) ? 'builtin' : 'text', all);
    last = m.index + all.length;
  }
  push('text', source.slice(last));
  return out;
}

/**
 * The source's tokens split into lines (one array per line, `\n` dropped), tokenised as a whole so
 * a multi-line comment or raw string keeps its kind on every line it spans. A trailing newline
 * gives a last, empty line, as an editor shows it.
 */
export function goTokenLines(source: string): GoToken[][] {
  let current: GoToken[] = [];
  const lines: GoToken[][] = [current];
  for (const token of goTokens(source)) {
    token.text.split('\n').forEach((piece, i) => {
      if (i > 0) lines.push((current = []));
      if (piece !== '') current.push({ kind: token.kind, text: piece });
    });
  }
  return lines;
}

/**
 * A code block: monospace, Go highlighted with classes (`gp-k` keyword, `gp-b` builtin, `gp-s`
 * string, `gp-n` number, `gp-c` comment) that the exporter's stylesheet colours; other languages plain.
 * With `numbered`, each line carries its number (code-lines questions name lines by number).
 */
export function codeBlockHtml(code: string, lang = 'go', numbered = false): string {
  const cls: Record<Exclude<GoToken['kind'], 'text'>, string> = { keyword: 'gp-k', builtin: 'gp-b', string: 'gp-s', number: 'gp-n', comment: 'gp-c' };
  const highlight = (line: string): string =>
    lang === 'go' || lang === ''
      ? goTokens(line)
          .map((t) => (t.kind === 'text' ? escapeHtml(t.text) : `<span class="${cls[t.kind]}">${escapeHtml(t.text)}</span>`))
          .join('')
      : escapeHtml(line);
  const body = numbered
    ? code
        .replace(/\n$/, '')
        .split('\n')
        .map((line, i) => `<span class="gp-ln">${String(i + 1).padStart(2, ' ')}</span> ${highlight(line)}`)
        .join('\n')
    : // Tokenise the whole block so a multi-line comment or raw string keeps its class.
      highlight(code.replace(/\n$/, ''));
  return `<pre class="gp-code"><code>${body}</code></pre>`;
}
