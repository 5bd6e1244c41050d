import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '@/lib/api-client';
import { CodeEditor } from '@/components/code-editor';
import { ReportText } from './report-text';

export type ReviewJudge = Schemas['ReviewJudgeDto'];

/** The files a code-task response holds (the final code), or none. */
export function codeFilesOf(response: Record<string, unknown> | null | undefined): Record<string, string> {
  const files = response?.['files'];
  return files && typeof files === 'object' && !Array.isArray(files) ? (files as Record<string, string>) : {};
}

type FileTab = { name: string; source: string; kind: 'code' | 'hidden' | 'solution' };

type Props = {
  /** Stable per item: the viewer's Monaco models are keyed by it. */
  id: string;
  /** The final code (the item's saved response). */
  files: Record<string, string>;
  judge: ReviewJudge | undefined;
};

/**
 * A code task after submission (the learner's review, a candidate's full review, the manager's
 * report): the final code read-only with a tab per file, the hidden tests' verdicts, the race and
 * leak reports with their lines linked into the code, and, where the API sent them, the hidden
 * tests and the reference solution as further tabs.
 */
export function CodeTaskReview({ id, files, judge }: Props) {
  const { t } = useTranslation();
  const baseId = useId();
  const names = Object.keys(files).sort();
  const tabs: FileTab[] = [
    ...names.map((name) => ({ name, source: files[name] ?? '', kind: 'code' as const })),
    ...Object.entries(judge?.hiddenTests ?? {}).map(([name, source]) => ({ name, source, kind: 'hidden' as const })),
    ...Object.entries(judge?.solution ?? {}).map(([name, source]) => ({ name, source, kind: 'solution' as const })),
  ];
  const [active, setActive] = useState(0);
  const [reveal, setReveal] = useState<{ line: number; key: number } | undefined>(undefined);
  const tabRefs = useRef<Array<HTMLButtonElement | null>>([]);
  const tab = tabs[active];

  const goTo = (file: string, line: number) => {
    const index = tabs.findIndex((x) => x.kind === 'code' && x.name === file);
    if (index < 0) return;
    setActive(index);
    setReveal((r) => ({ line, key: (r?.key ?? 0) + 1 }));
  };

  const onTabKey = (e: KeyboardEvent<HTMLButtonElement>, index: number) => {
    const move = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (e.key === 'Home' || e.key === 'End' || move !== 0) {
      e.preventDefault();
      const next = e.key === 'Home' ? 0 : e.key === 'End' ? tabs.length - 1 : (index + move + tabs.length) % tabs.length;
      setActive(next);
      tabRefs.current[next]?.focus();
    }
  };

  const passed = judge?.tests.filter((x) => x.passed).length ?? 0;
  const tabLabel = (x: FileTab) => (x.kind === 'hidden' ? t('codeTask.review.hiddenTab') : x.kind === 'solution' ? t('codeTask.review.solutionTab') : '');

  return (
    <div className="code-task code-task--review" data-testid="code-task-review" data-verdict={judge?.verdict ?? ''} data-state={judge?.state ?? 'none'}>
      {tabs.length > 0 ? (
        <>
          <div role="tablist" aria-label={t('codeTask.files')} className="code-task__tabs">
            {tabs.map((x, index) => (
              <button
                key={`${x.kind}-${x.name}`}
                ref={(el) => {
                  tabRefs.current[index] = el;
                }}
                type="button"
                role="tab"
                id={`${baseId}-tab-${index}`}
                aria-selected={active === index}
                aria-controls={`${baseId}-panel`}
                tabIndex={active === index ? 0 : -1}
                className="code-task__tab mono"
                data-testid="review-file-tab"
                data-file={x.name}
                data-kind={x.kind}
                onClick={() => setActive(index)}
                onKeyDown={(e) => onTabKey(e, index)}
              >
                {x.name}
                {x.kind !== 'code' ? <span className="code-task__ro"> · {tabLabel(x)}</span> : null}
              </button>
            ))}
          </div>
          {tab ? (
            <div role="tabpanel" id={`${baseId}-panel`} aria-labelledby={`${baseId}-tab-${active}`}>
              <CodeEditor
                path={`review-${id}/${tab.kind}/${tab.name}`}
                value={tab.source}
                onChange={() => undefined}
                label={t('codeTask.review.viewerLabel', { file: tab.name })}
                readOnly
                height={320}
                reveal={tab.kind === 'code' ? reveal : undefined}
              />
            </div>
          ) : null}
        </>
      ) : (
        <p className="muted">{t('codeTask.review.noCode')}</p>
      )}

      <section className="code-task__output" aria-labelledby={`${baseId}-verdict`} data-testid="review-judge">
        <h4 id={`${baseId}-verdict`} className="review-answer__label">
          {t('codeTask.review.hiddenVerdict')}
        </h4>
        {!judge || judge.state === 'none' ? (
          <p className="muted small">{t('codeTask.review.notJudged')}</p>
        ) : judge.state !== 'done' ? (
          <p className="muted small" data-testid="review-judge-pending">
            {t('codeTask.review.judging')}
          </p>
        ) : (
          <>
            <p className={`code-task__verdict code-task__verdict--${judge.verdict === 'passed' ? 'passed' : 'failed'}`} data-testid="review-verdict">
              {t(`codeTask.verdict.${judge.verdict ?? 'internal-error'}`)}
              {judge.tests.length > 0 ? ` · ${t('codeTask.passedCount', { passed, total: judge.tests.length })}` : ''}
            </p>
            {judge.message ? <p className="code-task__message">{judge.message}</p> : null}
            {judge.tests.length > 0 ? (
              <ul className="code-task__tests" aria-label={t('codeTask.review.hiddenTests')}>
                {judge.tests.map((test) => (
                  <li
                    key={test.name}
                    data-testid="review-test"
                    data-name={test.name}
                    data-passed={String(test.passed)}
                    className={test.passed ? 'is-passed' : 'is-failed'}
                  >
                    <span className="code-task__mark" aria-hidden="true">
                      {test.passed ? '✓' : '✗'}
                    </span>{' '}
                    <span className="mono">{test.name}</span>{' '}
                    <span className="visually-hidden">{t(test.passed ? 'codeTask.testPassed' : 'codeTask.testFailed')}</span>
                  </li>
                ))}
              </ul>
            ) : null}
            {judge.raceReport ? (
              <section className="code-task__report" data-testid="review-race-report">
                <h4>{t('codeTask.raceReport')}</h4>
                <ReportText text={judge.raceReport} files={names} onGoTo={goTo} />
              </section>
            ) : null}
            {judge.leakReport ? (
              <section className="code-task__report" data-testid="review-leak-report">
                <h4>{t('codeTask.leakReport')}</h4>
                <ReportText text={judge.leakReport} files={names} onGoTo={goTo} />
              </section>
            ) : null}
            {judge.compileOutput ? (
              <section className="code-task__report" data-testid="review-compile-output">
                <h4>{t('codeTask.compileOutput')}</h4>
                <ReportText text={judge.compileOutput} files={names} onGoTo={goTo} />
              </section>
            ) : null}
          </>
        )}
      </section>
    </div>
  );
}
