import type { Schemas } from '@/lib/api-client';

/**
 * The live-room shapes: the REST ones from the API's OpenAPI document; the shared document's
 * (runs) and the scorecard form's are the web side's own reading of them.
 */
export type RoomKind = 'peer' | 'manager';
export type MemberRole = 'interviewer' | 'candidate';
export type RoomLevel = 'junior' | 'mid' | 'senior' | 'staff';
export type RoomStatus = 'open' | 'ended';

export const LEVELS: readonly RoomLevel[] = ['junior', 'mid', 'senior', 'staff'];
/** The seed role templates (libs/question-bank/templates): the panel's topics and difficulty follow them. */
export const ROLES = ['backend', 'sre', 'platform', 'runtime-deep-dive'] as const;
export const COMPETENCIES = ['language', 'concurrency', 'runtime-gc', 'observability', 'cloud-native'] as const;
export type Competency = (typeof COMPETENCIES)[number];

export type Asked = Schemas['AskedDto'];
export type RoomMember = Schemas['RoomMemberDto'];
export type Room = Schemas['RoomDto'];
export type RoomSummary = Schemas['RoomSummaryDto'];
export type CreateRoomInput = Schemas['CreateRoomDto'];
export type JoinResult = Schemas['JoinedRoomDto'];
export type PanelQuestion = Schemas['PanelQuestionDto'];
export type Note = Schemas['NoteDto'];
export type InviteRoom = Schemas['InviteRoomDto'];

export type Recommendation = 'hire' | 'no-hire';

export type ScorecardInput = {
  ratings: Partial<Record<Competency, number>>;
  recommendation?: Recommendation;
  strengths?: string;
  nextSteps?: string;
  comments?: string;
  struggled?: string[];
};

export type Scorecard = {
  ratings: Partial<Record<Competency, number>>;
  recommendation?: Recommendation | null;
  strengths?: string | null;
  nextSteps?: string | null;
  comments?: string | null;
  asked?: { questionId: string; title: string; rubric?: string[]; struggled?: boolean }[];
  updatedAt?: string;
};

export type RunTest = { name: string; passed: boolean; output: string };
export type RunEntry = { runId: string; state: string; verdict?: string | null; tests?: RunTest[]; at: string };

export type Replay = {
  startedAt: string | null;
  updates: { at: string; update: string }[];
  notes: Note[];
  runs: RunEntry[];
  finalFiles: { name: string; content: string }[] | Record<string, string>;
};
