import { useTranslation } from 'react-i18next';
import { reportRefs } from './report-refs';

type Props = {
  text: string;
  /** The submission's file names: references to them become links. */
  files: readonly string[];
  /** Moves the editor or viewer to the file and line. */
  onGoTo: (file: string, line: number) => void;
};

/** A race or leak report whose `file.go:line` references into the submission are links to that line. */
export function ReportText({ text, files, onGoTo }: Props) {
  const { t } = useTranslation();
  return (
    <pre className="code-task__report-text">
      {reportRefs(text, files).map((part, i) =>
        typeof part === 'string' ? (
          part
        ) : (
          <a
            key={i}
            href={`#${encodeURIComponent(part.file)}-L${part.line}`}
            className="code-task__ref"
            data-testid="report-ref"
            data-file={part.file}
            data-line={part.line}
            aria-label={t('codeTask.goToLine', { file: part.file, line: part.line })}
            onClick={(e) => {
              e.preventDefault();
              onGoTo(part.file, part.line);
            }}
          >
            {part.text}
          </a>
        ),
      )}
    </pre>
  );
}
