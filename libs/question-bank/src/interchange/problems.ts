import type { BankProblem } from '../model';

/**
 * A BankProblem with a severity. Imports are all-or-nothing on errors only: warnings say what was
 * approximated or what the author still has to add, and do not stop an import.
 */
export interface InterchangeProblem extends BankProblem {
  severity: 'error' | 'warning';
}

export function hasErrors(problems: readonly BankProblem[]): boolean {
  return problems.some((problem) => (problem as Partial<InterchangeProblem>).severity === 'error');
}

export class ProblemList {
  readonly items: InterchangeProblem[] = [];

  constructor(private readonly file: string) {}

  error(message: string, line?: number): void {
    this.items.push({ file: this.file, ...(line !== undefined ? { line } : {}), message, severity: 'error' });
  }

  warning(message: string, line?: number, file: string = this.file): void {
    this.items.push({ file, ...(line !== undefined ? { line } : {}), message, severity: 'warning' });
  }

  get hasErrors(): boolean {
    return hasErrors(this.items);
  }
}
