/** What the chaos specs read from the attempts API (the client itself is ApiSession in @goprep/test-support). */
export interface DeliveredItem {
  position: number;
  type: string;
  options?: Array<{ id: string; text: string }>;
  answer: { response: Record<string, unknown> | null; flagged: boolean; timeSpentMs: number; revision: number; savedAt: string } | null;
}

export interface Delivery {
  id: string;
  state: string;
  now: string;
  deadlineAt: string;
  timeLimitSeconds: number;
  items: DeliveredItem[];
  result: { score: number } | null;
}

export interface Saved {
  position: number;
  revision: number;
  timeSpentMs: number;
  answered: boolean;
}

/** Password of every user the chaos specs register. */
export const CHAOS_PASSWORD = 'chaos monkey password';

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
