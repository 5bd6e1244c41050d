/**
 * Monaco comes from the local package only — no CDN: the slim editor API, the Go tokenizer and
 * the editor worker bundled by Vite. Importing 'monaco-editor' itself would pull every language
 * service (~10 MB), so don't.
 */
import { loader } from '@monaco-editor/react';
import * as monaco from 'monaco-editor/editor';
import 'monaco-editor/languages/definitions/go/register';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';

self.MonacoEnvironment = {
  getWorker: () => new EditorWorker(),
};

/**
 * Every token the Go tokenizer emits, coloured at 4.5:1 or more (WCAG AA) against the viewer's
 * background and against the darkest line tint it can sit on (selected, chosen-wrong, chosen-right);
 * the base themes' greens, teals and line numbers fall to 2.4-3.9:1 on our backgrounds.
 * Contrast per colour: docs/performance.md ("Code viewer contrast"); the read-only CodeViewer uses
 * the same colours (global.css).
 */
function goRules(c: Record<'text' | 'keyword' | 'type' | 'string' | 'escape' | 'number' | 'comment' | 'invalid' | 'annotation', string>) {
  return [
    { token: '', foreground: c.text },
    { token: 'identifier', foreground: c.text },
    { token: 'delimiter', foreground: c.text },
    { token: 'keyword', foreground: c.keyword },
    { token: 'type', foreground: c.type },
    { token: 'annotation', foreground: c.annotation },
    { token: 'string', foreground: c.string },
    { token: 'string.escape', foreground: c.escape },
    { token: 'string.invalid', foreground: c.invalid },
    { token: 'string.escape.invalid', foreground: c.invalid },
    { token: 'number', foreground: c.number },
    { token: 'comment', foreground: c.comment },
    { token: 'comment.doc', foreground: c.comment },
    { token: 'comment.doc.invalid', foreground: c.invalid },
    { token: 'invalid', foreground: c.invalid },
  ];
}

monaco.editor.defineTheme('goprep-light', {
  base: 'vs',
  inherit: true,
  rules: goRules({
    text: '0f172a',
    keyword: '8b1d9e',
    type: '0b6478',
    string: 'a31515',
    escape: '7a4a00',
    number: '0b6636',
    comment: '3f6b2a',
    invalid: 'b42318',
    annotation: '4b5563',
  }),
  colors: {
    'editor.background': '#f8fafc',
    'editor.foreground': '#0f172a',
    'editorLineNumber.foreground': '#475569',
    // The number of the empty line after a final newline is drawn "dimmed": same colour, readable.
    'editorLineNumber.dimmedForeground': '#475569',
    'editorLineNumber.activeForeground': '#0f172a',
    'editor.lineHighlightBackground': '#e2e8f080',
  },
});
monaco.editor.defineTheme('goprep-dark', {
  base: 'vs-dark',
  inherit: true,
  rules: goRules({
    text: 'd4d4d4',
    keyword: '79b8ff',
    type: '4ec9b0',
    string: 'ce9178',
    escape: 'd7ba7d',
    number: 'b5cea8',
    comment: '7ea86a',
    invalid: 'f97066',
    annotation: 'a3a3a3',
  }),
  colors: {
    'editor.background': '#0b1220',
    'editor.foreground': '#d4d4d4',
    'editorLineNumber.foreground': '#94a3b8',
    'editorLineNumber.dimmedForeground': '#94a3b8',
    'editorLineNumber.activeForeground': '#e2e8f0',
    'editor.lineHighlightBackground': '#1e293b80',
  },
});

// The loader's type names the full package; the slim API is the same shape for what we use.
loader.config({ monaco: monaco as unknown as Parameters<typeof loader.config>[0]['monaco'] });

export { monaco };
