/**
 * The live-room shapes, as /work/wt/briefs/rooms-contract.md defines them (RoomDto and friends).
 * Written by hand so the screens could be built before the API's OpenAPI document had them.
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

export type Asked = { questionId: string; title: string; at: string };

export type RoomMember = { name: string; role: MemberRole; joined: boolean };

export type Room = {
  id: string;
  kind: RoomKind;
  title: string;
  role: string;
  level: RoomLevel;
  status: RoomStatus;
  myRole: MemberRole;
  members: RoomMember[];
  durationMinutes: number;
  timerStartedAt: string | null;
  expiresAt: string;
  endedAt: string | null;
  joinLinks?: { interviewer?: string; candidate?: string };
  asked: Asked[];
};

export type RoomSummary = Pick<Room, 'id' | 'kind' | 'title' | 'role' | 'level' | 'status' | 'myRole'> &
  Partial<Pick<Room, 'endedAt'>> & { createdAt?: string; scored?: boolean };

export type CreateRoomInput = {
  kind: RoomKind;
  title?: string;
  role: string;
  level: RoomLevel;
  durationMinutes?: number;
  inviteId?: string;
};

export type JoinResult = { room: Room; memberToken?: string };

export type PanelQuestion = {
  id: string;
  title: string;
  topic: string;
  type: string;
  prompt: string;
  key: unknown;
  explanation: string;
  rubric?: string[];
  followUps?: string[];
  codeTask?: { files: { name: string; content: string }[] };
};

export type Note = { id: string; at: string; body: string };

export type Recommendation = 'hire' | 'no-hire';

export type ScorecardInput = {
  ratings: Partial<Record<Competency, number>>;
  recommendation?: Recommendation;
  strengths?: string;
  nextSteps?: string;
  comments?: string;
};

export type Scorecard = {
  ratings: Partial<Record<Competency, number>>;
  recommendation?: Recommendation | null;
  strengths?: string | null;
  nextSteps?: string | null;
  comments?: string | null;
  asked?: { questionId: string; title: string; rubric?: string[] }[];
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
