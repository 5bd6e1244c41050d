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

monaco.editor.defineTheme('goprep-light', {
  base: 'vs',
  inherit: true,
  rules: [],
  colors: {
    'editor.background': '#f8fafc',
    'editorLineNumber.foreground': '#94a3b8',
    'editorLineNumber.activeForeground': '#0f172a',
    'editor.lineHighlightBackground': '#e2e8f080',
  },
});
monaco.editor.defineTheme('goprep-dark', {
  base: 'vs-dark',
  inherit: true,
  rules: [],
  colors: {
    'editor.background': '#0b1220',
    'editorLineNumber.foreground': '#64748b',
    'editorLineNumber.activeForeground': '#e2e8f0',
    'editor.lineHighlightBackground': '#1e293b80',
  },
});

// The loader's type names the full package; the slim API is the same shape for what we use.
loader.config({ monaco: monaco as unknown as Parameters<typeof loader.config>[0]['monaco'] });

export { monaco };
