import { useCallback, useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { QuestionResponse } from '@goprep/domain';
import { CodeEditor } from '@/components/code-editor';
import { Button } from '@/components/ui/button';
import { ReportText } from './report-text';
import { useJudgeRun, useJudgeStatus, type JudgeAudience, type JudgeRun } from './use-judge-run';

/** Typing in the editor is saved after this pause (through the attempt's autosave and retry queue). */
export const CODE_DEBOUNCE_MS = 1000;

export type DeliveredTask = {
  files: string[];
  starter: Record<string, string>;
  visibleTests: Record<string, string>;
};

type Props = {
  questionId: string;
  task: DeliveredTask;
  response: QuestionResponse | null;
  onChange: (response: QuestionResponse | null, debounceMs?: number) => void;
  /** The attempt item, so "Run" judges the version the attempt pinned. */
  attemptId?: string;
  position?: number;
  disabled?: boolean;
  /** False where "Run" is not offered: the code is judged at submission only. */
  runnable?: boolean;
  /** Whose judge routes "Run" uses (a candidate's go through the invite cookie). */
  audience?: JudgeAudience;
};

function startingFiles(task: DeliveredTask, response: QuestionResponse | null): Record<string, string> {
  const saved = response?.type === 'code-task' ? response.files : {};
  return Object.fromEntries(task.files.map((name) => [name, saved[name] ?? task.starter[name] ?? '']));
}

/**
 * A run's verdict, tests and reports; report lines in the task's `files` link into the editor through
 * `onGoTo` (the playground shows them as plain text: no files, no links).
 */
export function RunOutput({ run, files = [], onGoTo = () => undefined }: { run: JudgeRun; files?: readonly string[]; onGoTo?: (file: string, line: number) => void }) {
  const { t } = useTranslation();
  const passed = run.tests.filter((test) => test.passed).length;
  return (
    <div className="code-task__result" data-testid="run-result" data-verdict={run.verdict ?? ''}>
      <p className={`code-task__verdict code-task__verdict--${run.verdict === 'passed' ? 'passed' : 'failed'}`} data-testid="run-verdict">
        {t(`codeTask.verdict.${run.verdict ?? 'internal-error'}`)}
        {run.tests.length > 0 ? ` · ${t('codeTask.passedCount', { passed, total: run.tests.length })}` : ''}
        {run.durationMs !== null ? ` · ${t('codeTask.duration', { seconds: (run.durationMs / 1000).toFixed(1) })}` : ''}
      </p>
      {run.message ? (
        <p className="code-task__message" data-testid="run-message">
          {run.message}
        </p>
      ) : null}
      {run.tests.length > 0 ? (
        <ul className="code-task__tests" data-testid="run-tests" aria-label={t('codeTask.tests')}>
          {run.tests.map((test) => (
            <li key={test.name} data-testid="run-test" data-name={test.name} data-passed={String(test.passed)} className={test.passed ? 'is-passed' : 'is-failed'}>
              <span className="code-task__mark" aria-hidden="true">
                {test.passed ? '✓' : '✗'}
              </span>{' '}
              <span className="mono">{test.name}</span> <span className="visually-hidden">{t(test.passed ? 'codeTask.testPassed' : 'codeTask.testFailed')}</span>
              {test.output ? (
                <details className="code-task__log">
                  <summary>{t('codeTask.testLog')}</summary>
                  <pre>{test.output}</pre>
                </details>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {run.raceReport ? (
        <section className="code-task__report" data-testid="race-report">
          <h4>{t('codeTask.raceReport')}</h4>
          <ReportText text={run.raceReport} files={files} onGoTo={onGoTo} />
        </section>
      ) : null}
      {run.leakReport ? (
        <section className="code-task__report" data-testid="leak-report">
          <h4>{t('codeTask.leakReport')}</h4>
          <ReportText text={run.leakReport} files={files} onGoTo={onGoTo} />
        </section>
      ) : null}
      {run.program ? (
        <section className="code-task__report" data-testid="program-output" data-exit-code={run.program.exitCode}>
          <h4>{t('codeTask.programOutput', { code: run.program.exitCode })}</h4>
          <pre data-testid="program-stdout">{run.program.stdout}</pre>
          {run.program.stderr ? <pre data-testid="program-stderr">{run.program.stderr}</pre> : null}
        </section>
      ) : null}
      {run.compileOutput ? (
        <section className="code-task__report" data-testid="compile-output">
          <h4>{t('codeTask.compileOutput')}</h4>
          <ReportText text={run.compileOutput} files={files} onGoTo={onGoTo} />
        </section>
      ) : null}
    </div>
  );
}

/**
 * A code task in the attempt runner: an editable Go editor with a tab per file (the visible tests
 * read-only beside them), "Reset to starter", and "Run" (or Ctrl+Enter) for the visible tests.
 */
export function CodeTaskInput({ questionId, task, response, onChange, attemptId, position, disabled = false, runnable = true, audience = 'learner' }: Props) {
  const { t } = useTranslation();
  const baseId = useId();
  const [files, setFiles] = useState(() => startingFiles(task, response));
  const testNames = Object.keys(task.visibleTests).sort();
  const tabs = [...task.files, ...testNames];
  const [active, setActive] = useState(tabs[0] ?? '');
  // Bumped by "Reset to starter": the editor's models are keyed by it, so each file starts over.
  const [revision, setRevision] = useState(0);
  // Set by a report link: the editor moves to that line of the file.
  const [reveal, setReveal] = useState<{ line: number; key: number } | undefined>(undefined);
  const goTo = (file: string, line: number) => {
    if (!task.files.includes(file)) return;
    setActive(file);
    setReveal((r) => ({ line, key: (r?.key ?? 0) + 1 }));
  };
  const tabRefs = useRef<Array<HTMLButtonElement | null>>([]);
  const { state, run } = useJudgeRun(audience);
  const following = state.phase === 'following' ? state.run : null;
  const busy = state.phase === 'sending' || (following !== null && following.state !== 'done');
  const status = useJudgeStatus(busy, runnable, audience);

  const latest = useRef({ files, busy, disabled });
  useEffect(() => {
    latest.current = { files, busy, disabled };
  });

  const edit = (name: string, source: string) => {
    const next = { ...latest.current.files, [name]: source };
    setFiles(next);
    onChange({ type: 'code-task', files: next }, CODE_DEBOUNCE_MS);
  };

  const startRun = useCallback(() => {
    const { files: current, busy: running, disabled: off } = latest.current;
    if (running || off || !runnable) return;
    void run({ questionId, files: current, ...(attemptId !== undefined && position !== undefined ? { attemptId, position } : {}) });
  }, [attemptId, position, questionId, run, runnable]);

  const reset = () => {
    if (!window.confirm(t('codeTask.resetConfirm'))) return;
    const starter = Object.fromEntries(task.files.map((name) => [name, task.starter[name] ?? '']));
    setFiles(starter);
    setRevision((r) => r + 1);
    onChange({ type: 'code-task', files: starter });
  };

  const onTabKey = (e: KeyboardEvent<HTMLButtonElement>, index: number) => {
    const move = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (e.key === 'Home' || e.key === 'End' || move !== 0) {
      e.preventDefault();
      const next = e.key === 'Home' ? 0 : e.key === 'End' ? tabs.length - 1 : (index + move + tabs.length) % tabs.length;
      setActive(tabs[next] ?? '');
      tabRefs.current[next]?.focus();
    }
  };

  const isTest = !task.files.includes(active);
  const queuedWithoutRunner = following?.state === 'queued' && status !== null && !status.available;

  return (
    <div
      className="code-task"
      data-testid="code-task"
      onKeyDown={(e) => {
        if ((e.ctrlKey || e.metaKey) && e.key === 'Enter') {
          e.preventDefault();
          startRun();
        }
      }}
    >
      <div className="code-task__toolbar">
        <div role="tablist" aria-label={t('codeTask.files')} className="code-task__tabs">
          {tabs.map((name, index) => (
            <button
              key={name}
              ref={(el) => {
                tabRefs.current[index] = el;
              }}
              type="button"
              role="tab"
              id={`${baseId}-tab-${index}`}
              aria-selected={active === name}
              aria-controls={`${baseId}-panel`}
              tabIndex={active === name ? 0 : -1}
              className="code-task__tab mono"
              data-testid="code-task-tab"
              data-file={name}
              onClick={() => setActive(name)}
              onKeyDown={(e) => onTabKey(e, index)}
            >
              {name}
              {task.files.includes(name) ? null : <span className="code-task__ro"> · {t('codeTask.readOnly')}</span>}
            </button>
          ))}
        </div>
        <div className="code-task__actions">
          <Button variant="ghost" onClick={reset} disabled={disabled} data-testid="code-task-reset">
            {t('codeTask.reset')}
          </Button>
          <Button onClick={startRun} disabled={disabled || busy || !runnable} loading={busy} data-testid="code-task-run" aria-keyshortcuts="Control+Enter">
            ▶ {t('codeTask.run')}
          </Button>
        </div>
      </div>
      <div role="tabpanel" id={`${baseId}-panel`} aria-labelledby={`${baseId}-tab-${tabs.indexOf(active)}`}>
        <CodeEditor
          path={`${attemptId ?? 'task'}-${position ?? 0}/${questionId}/${isTest ? 'tests' : `r${revision}`}/${active}`}
          value={isTest ? (task.visibleTests[active] ?? '') : (files[active] ?? '')}
          onChange={(source) => {
            if (!isTest) edit(active, source);
          }}
          onRun={startRun}
          label={t(isTest ? 'codeTask.testLabel' : 'codeTask.editorLabel', { file: active })}
          readOnly={isTest || disabled}
          reveal={isTest ? undefined : reveal}
        />
      </div>
      <p className="muted small">{t(runnable ? 'codeTask.hint' : 'codeTask.hintNoRun')}</p>

      <section className="code-task__output" aria-labelledby={`${baseId}-output`} data-testid="code-task-output">
        <h3 id={`${baseId}-output`} className="code-task__output-title">
          {t('codeTask.output')}
        </h3>
        <div aria-live="polite" data-testid="run-status" data-phase={state.phase} data-state={following?.state ?? ''}>
          {state.phase === 'idle' && runnable ? <p className="muted small">{t('codeTask.idle')}</p> : null}
          {state.phase === 'sending' ? <p className="muted small">{t('codeTask.sending')}</p> : null}
          {state.phase === 'error' ? (
            <p className="field__error" data-testid="run-error">
              {state.message}
            </p>
          ) : null}
          {following && following.state === 'queued' ? (
            <p className="muted small" data-testid="run-queued">
              {t(queuedWithoutRunner ? 'codeTask.queuedNoRunner' : 'codeTask.queued')}
            </p>
          ) : null}
          {following && following.state === 'running' ? <p className="muted small">{t('codeTask.running')}</p> : null}
          {following && following.state === 'done' ? <RunOutput run={following} files={task.files} onGoTo={goTo} /> : null}
        </div>
        {!runnable ? (
          <p className="muted small" data-testid="run-not-offered">
            {t('codeTask.notRunnable')}
          </p>
        ) : null}
        {runnable && status !== null && !status.available && state.phase === 'idle' ? (
          <p className="muted small" data-testid="judge-unavailable">
            {t('codeTask.unavailable')}
          </p>
        ) : null}
      </section>
    </div>
  );
}
