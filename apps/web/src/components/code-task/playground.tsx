import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CodeEditor } from '@/components/code-editor';
import { Button } from '@/components/ui/button';
import { api, call } from '@/lib/api-client';
import { RunOutput } from './code-task-input';
import { useJudgeRun } from './use-judge-run';

/** Which final item the playground runs: the server checks that it is final; the key is never needed here. */
export type PlaygroundTarget = { attemptId: string; position: number } | { drillQuestionId: string };

type Props = {
  target: PlaygroundTarget;
  /** The files to start from: `main.go` for a program question, the task's files for a code task. */
  files: Record<string, string>;
  label: string;
};

/**
 * "Edit and run": once an item is final, its program (or task files) opens in an editable editor
 * and runs in the judge's sandbox; the output panel shows stdout, stderr, the exit status and any
 * race report (or, for a code task, its visible and hidden tests).
 */
export function Playground({ target, files: initial, label }: Props) {
  const { t } = useTranslation();
  const baseId = useId();
  const [open, setOpen] = useState(false);
  const [files, setFiles] = useState(initial);
  const names = Object.keys(initial);
  const [active, setActive] = useState(names[0] ?? 'main.go');
  const { state, start } = useJudgeRun();
  const following = state.phase === 'following' ? state.run : null;
  const busy = state.phase === 'sending' || (following !== null && following.state !== 'done');
  const latest = useRef(files);
  latest.current = files;

  const runNow = () => {
    if (busy) return;
    void start(() => call(() => api.POST('/api/judge/playground', { body: { ...target, files: latest.current } })));
  };

  if (!open) {
    return (
      <Button variant="secondary" onClick={() => setOpen(true)} data-testid="playground-open">
        {t('playground.open')}
      </Button>
    );
  }
  return (
    <section className="code-task playground" aria-labelledby={`${baseId}-title`} data-testid="playground">
      <h4 id={`${baseId}-title`}>{t('playground.title')}</h4>
      <div className="code-task__bar">
        {names.length > 1 ? (
          <div className="code-task__tabs" role="tablist" aria-label={t('codeTask.files')}>
            {names.map((name) => (
              <button
                key={name}
                type="button"
                role="tab"
                aria-selected={name === active}
                className="code-task__tab"
                onClick={() => setActive(name)}
                data-testid="playground-tab"
              >
                {name}
              </button>
            ))}
          </div>
        ) : (
          <span className="mono small">{active}</span>
        )}
        <div className="code-task__actions">
          <Button variant="ghost" onClick={() => setFiles(initial)} disabled={busy} data-testid="playground-reset">
            {t('playground.reset')}
          </Button>
          <Button
            onClick={runNow}
            disabled={busy}
            loading={busy}
            data-testid="playground-run"
            aria-keyshortcuts="Control+Enter"
          >
            ▶ {t('codeTask.run')}
          </Button>
        </div>
      </div>
      <CodeEditor
        path={`playground/${'attemptId' in target ? `${target.attemptId}-${target.position}` : target.drillQuestionId}/${active}`}
        value={files[active] ?? ''}
        onChange={(source) => setFiles((f) => ({ ...f, [active]: source }))}
        onRun={runNow}
        label={t('playground.editorLabel', { file: active, title: label })}
      />
      <div
        aria-live="polite"
        data-testid="playground-status"
        data-phase={state.phase}
        data-state={following?.state ?? ''}
      >
        {state.phase === 'sending' ? <p className="muted small">{t('codeTask.sending')}</p> : null}
        {state.phase === 'error' ? (
          <p className="field__error" data-testid="playground-error">
            {state.message}
          </p>
        ) : null}
        {following && following.state === 'queued' ? <p className="muted small">{t('codeTask.queued')}</p> : null}
        {following && following.state === 'running' ? <p className="muted small">{t('codeTask.running')}</p> : null}
        {following && following.state === 'done' ? <RunOutput run={following} /> : null}
      </div>
    </section>
  );
}
