import { useEffect, useRef } from 'react';
import type { HocuspocusProvider } from '@hocuspocus/provider';
import { MonacoBinding } from 'y-monaco';
import type * as Y from 'yjs';
import { useTheme } from '@/lib/theme';
import type { Presence } from '../hooks/use-room-connection';
import { filesOf } from '../utils/room-doc';
import { monaco } from './room-monaco';

type Props = {
  roomId: string;
  doc: Y.Doc;
  provider: HocuspocusProvider;
  file: string;
  label: string;
  presence: Presence[];
  readOnly?: boolean;
  onRun?: () => void;
};

/**
 * The shared editor: one Monaco model per file, bound to that file's Y.Text by y-monaco, which
 * also draws the others' cursors and selections from the awareness states.
 */
export default function RoomEditor({ roomId, doc, provider, file, label, presence, readOnly = false, onRun }: Props) {
  const host = useRef<HTMLDivElement | null>(null);
  const editorRef = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);
  const { theme } = useTheme();
  const runRef = useRef(onRun);
  useEffect(() => {
    runRef.current = onRun;
  });

  useEffect(() => {
    if (!host.current) return;
    const editor = monaco.editor.create(host.current, {
      language: 'go',
      automaticLayout: true,
      ariaLabel: label,
      minimap: { enabled: false },
      scrollBeyondLastLine: false,
      fontSize: 14,
      lineHeight: 20,
      tabSize: 4,
      insertSpaces: false,
      padding: { top: 10, bottom: 10 },
      fontFamily: "'JetBrains Mono', 'Fira Code', ui-monospace, SFMono-Regular, Menlo, Consolas, monospace",
    });
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => runRef.current?.());
    editorRef.current = editor;
    return () => {
      editor.dispose();
      editorRef.current = null;
    };
    // The editor is created once; the label and theme are updated below.
  }, []); // eslint-disable-line react-hooks/exhaustive-deps

  useEffect(() => {
    editorRef.current?.updateOptions({ readOnly, ariaLabel: label });
  }, [readOnly, label]);

  useEffect(() => {
    monaco.editor.setTheme(theme === 'dark' ? 'vs-dark' : 'vs');
  }, [theme]);

  // Bind the chosen file: its model (created on first use) and a y-monaco binding for it.
  useEffect(() => {
    const editor = editorRef.current;
    const files = filesOf(doc);
    const text = files.get(file);
    if (!editor || !text) return;
    const uri = monaco.Uri.parse(`inmemory://room/${roomId}/${file}`);
    const model = monaco.editor.getModel(uri) ?? monaco.editor.createModel('', 'go', uri);
    editor.setModel(model);
    const binding = new MonacoBinding(text, model, new Set([editor]), provider.awareness ?? undefined);
    return () => {
      binding.destroy();
      model.dispose();
    };
  }, [doc, provider, file, roomId]);

  // Dispose the last model with the editor when the room unmounts.
  useEffect(
    () => () => {
      monaco.editor.getModels().filter((m) => m.uri.authority === 'room' && m.uri.path.startsWith(`/${roomId}/`)).forEach((m) => m.dispose());
    },
    [roomId],
  );

  // y-monaco marks remote selections with per-client classes; colour them per participant.
  const css = presence
    .filter((p) => !p.self)
    .map(
      (p) =>
        `.yRemoteSelection-${p.clientId}{background-color:color-mix(in srgb, ${p.color} 25%, transparent)}` +
        `.yRemoteSelectionHead-${p.clientId}{position:absolute;border-left:2px solid ${p.color};height:100%;box-sizing:border-box}` +
        `.yRemoteSelectionHead-${p.clientId}::after{content:${JSON.stringify(p.name)};position:absolute;top:-1.3em;left:-2px;font-size:11px;line-height:1.2;padding:0 4px;color:#fff;background:${p.color};white-space:nowrap;border-radius:3px 3px 3px 0;pointer-events:none}`,
    )
    .join('\n');

  return (
    <div className="room-editor" data-testid="room-editor" data-file={file}>
      <style>{css}</style>
      <div ref={host} className="room-editor__host" />
    </div>
  );
}
