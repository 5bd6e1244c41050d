/**
 * The room's own Monaco: the slim editor API with the Go tokenizer and a bundled worker, no CDN
 * (as the shared code viewer loads it). This module is only imported by the room's lazy editor
 * chunk, so other pages never load Monaco or Yjs through it.
 */
import * as monaco from 'monaco-editor/editor';
import 'monaco-editor/languages/definitions/go/register';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';

self.MonacoEnvironment ??= { getWorker: () => new EditorWorker() };

export { monaco };
