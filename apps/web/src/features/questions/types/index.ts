export type Difficulty = 1 | 2 | 3 | 4 | 5;

export type QuestionType =
  | 'single'
  | 'multi'
  | 'true-false'
  | 'short'
  | 'numeric'
  | 'code-output'
  | 'code-lines'
  | 'essay'
  | 'flashcard';

export const QUESTION_TYPES: QuestionType[] = [
  'single',
  'multi',
  'true-false',
  'short',
  'numeric',
  'code-output',
  'code-lines',
  'essay',
  'flashcard',
];

export type Topic = { id: string; title: string; core: boolean; description: string; questionCount: number };

export type QuestionSummary = {
  id: string;
  title: string;
  topic: string;
  type: QuestionType;
  difficulty: Difficulty;
  tags: string[];
  hasCode: boolean;
};

export type Page<T> = { items: T[]; total: number; page: number; pageSize: number };

export type Reference = string | { title?: string; url: string };

export type QuestionDetail = {
  id: string;
  title: string;
  topic: string;
  subtopic?: string | null;
  type: QuestionType;
  difficulty: Difficulty;
  tags: string[];
  goVersion?: string | null;
  expectedSeconds?: number | null;
  prompt: string;
  code?: string | null;
  options?: { id: string; text: string }[] | null;
  unit?: string | null;
  references: Reference[];
  version: number | string;
};

export type QuestionFilters = {
  topic?: string | undefined;
  type?: string | undefined;
  difficulty?: string | undefined;
  tag?: string | undefined;
  q?: string | undefined;
  page: number;
  pageSize: number;
};
