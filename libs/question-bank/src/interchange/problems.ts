import type { BankProblem } from '../model';

/**
 * What a problem did to the import: `refused` one question (malformed; an error that does not stop
 * the rest of the file), `skipped` one question (well-formed but not expressible in goprep),
 * `adapted` a question that was imported with a change. Problems without an effect are file-level
 * errors or notes on what the author still has to add.
 */
export type ProblemEffect = 'refused' | 'skipped' | 'adapted';

/**
 * A BankProblem with a severity. An error without an effect refuses the whole file; a refused,
 * skipped or adapted question only refuses the file in strict mode.
 */
export interface InterchangeProblem extends BankProblem {
  severity: 'error' | 'warning';
  effect?: ProblemEffect;
  /** Start line of the question an effect applies to, so a question counts once in the report. */
  question?: number;
}

export function hasErrors(problems: readonly BankProblem[]): boolean {
  return problems.some((problem) => (problem as Partial<InterchangeProblem>).severity === 'error');
}

export class ProblemList {
  readonly items: InterchangeProblem[] = [];

  /** Start line of the question being read or mapped; readers set it, effects record it. */
  currentQuestion: number | undefined;

  constructor(private readonly file: string) {}

  private effect(effect: ProblemEffect, severity: InterchangeProblem['severity'], message: string, line: number | undefined, file: string): void {
    const question = this.currentQuestion ?? line;
    this.items.push({ file, ...(line !== undefined ? { line } : {}), message, severity, effect, ...(question !== undefined ? { question } : {}) });
  }

  /** A file-level error: nothing in the file is imported. */
  error(message: string, line?: number): void {
    this.items.push({ file: this.file, ...(line !== undefined ? { line } : {}), message, severity: 'error' });
  }

  /** A malformed question: it is not imported, the rest of the file is (unless strict). */
  refuse(message: string, line?: number): void {
    this.effect('refused', 'error', message, line, this.file);
  }

  /** A well-formed question goprep cannot hold: not imported, the rest of the file is (unless strict). */
  skip(message: string, line?: number): void {
    this.effect('skipped', 'warning', message, line, this.file);
  }

  /** A question imported with a change: what changed and why. */
  adapt(message: string, line?: number, file: string = this.file): void {
    this.effect('adapted', 'warning', message, line, file);
  }

  warning(message: string, line?: number, file: string = this.file): void {
    this.items.push({ file, ...(line !== undefined ? { line } : {}), message, severity: 'warning' });
  }

  get hasErrors(): boolean {
    return hasErrors(this.items);
  }

  /** Errors that refuse the whole file (not those that refuse one question). */
  get hasFileErrors(): boolean {
    return this.items.some((problem) => problem.severity === 'error' && problem.effect === undefined);
  }
}
