import { useCallback, useEffect, useRef, useState } from 'react';
import { env } from '@/config/env';
import { api, call, isApiError, type Schemas } from '@/lib/api-client';

export type JudgeRun = Schemas['JudgeRunDto'];
export type JudgeStatus = Schemas['JudgeStatusDto'];

export type RunRequest = {
  questionId: string;
  files: Record<string, string>;
  /** The attempt item the task belongs to (the learner's own attempt). */
  attemptId?: string;
  position?: number;
};

/**
 * Whose judge routes a run goes through: a learner's (session cookie, /api/judge) or a
 * candidate's (invite cookie, /api/candidate: the candidate's own open attempt only).
 */
export type JudgeAudience = 'learner' | 'candidate';

function eventsUrl(audience: JudgeAudience, id: string): string {
  const path = audience === 'candidate' ? '/api/candidate/attempt/judge/runs' : '/api/judge/runs';
  return `${env.apiOrigin}${path}/${encodeURIComponent(id)}/events`;
}

function readRun(audience: JudgeAudience, id: string): Promise<JudgeRun> {
  return audience === 'candidate'
    ? call(() => api.GET('/api/candidate/attempt/judge/runs/{id}', { params: { path: { id } } }))
    : call(() => api.GET('/api/judge/runs/{id}', { params: { path: { id } } }));
}

function createRun(audience: JudgeAudience, request: RunRequest): Promise<JudgeRun> {
  if (audience === 'candidate') {
    if (request.position === undefined) return Promise.reject(new Error('a candidate runs a task of the attempt only'));
    const body = { questionId: request.questionId, position: request.position, files: request.files };
    return call(() => api.POST('/api/candidate/attempt/judge/runs', { body }));
  }
  return call(() => api.POST('/api/judge/runs', { body: request }));
}

type RunState =
  | { phase: 'idle' }
  | { phase: 'sending' }
  | { phase: 'following'; run: JudgeRun }
  | { phase: 'error'; message: string; code?: string };

/** Reconnect to the event stream this many times before settling for one last GET. */
const MAX_RECONNECTS = 5;

/**
 * Runs a code task's visible tests: POST /api/judge/runs, then follows the run's server-sent
 * events until its verdict (one `run` event per state change; no polling).
 */
export function useJudgeRun(audience: JudgeAudience = 'learner') {
  const [state, setState] = useState<RunState>({ phase: 'idle' });
  const sourceRef = useRef<EventSource | null>(null);
  const timerRef = useRef<number | undefined>(undefined);

  const stop = useCallback(() => {
    sourceRef.current?.close();
    sourceRef.current = null;
    window.clearTimeout(timerRef.current);
  }, []);

  useEffect(() => stop, [stop]);

  const follow = useCallback(
    (id: string, attempt = 0) => {
      stop();
      const source = new EventSource(eventsUrl(audience, id), { withCredentials: true });
      sourceRef.current = source;
      source.addEventListener('run', (event) => {
        const run = JSON.parse((event as MessageEvent<string>).data) as JudgeRun;
        setState({ phase: 'following', run });
        if (run.state === 'done') stop();
      });
      source.onerror = () => {
        // The stream ended or dropped: close it (EventSource would reconnect on its own) and
        // reconnect ourselves a few times unless the verdict is in.
        source.close();
        if (sourceRef.current !== source) return;
        sourceRef.current = null;
        void readRun(audience, id)
          .then((run) => {
            setState({ phase: 'following', run });
            if (run.state !== 'done' && attempt < MAX_RECONNECTS) {
              timerRef.current = window.setTimeout(() => follow(id, attempt + 1), 1000 * (attempt + 1));
            }
          })
          .catch(() => undefined);
      };
    },
    [audience, stop],
  );

  /** Queues a run with `create` (any POST answering a JudgeRunDto) and follows it to its verdict. */
  const start = useCallback(
    async (create: () => Promise<JudgeRun>) => {
      stop();
      setState({ phase: 'sending' });
      try {
        const created = await create();
        setState({ phase: 'following', run: created });
        if (created.state !== 'done') follow(created.id);
      } catch (error) {
        setState({
          phase: 'error',
          message: isApiError(error) ? error.message : String(error),
          ...(isApiError(error) ? { code: error.code } : {}),
        });
      }
    },
    [follow, stop],
  );

  const run = useCallback((request: RunRequest) => start(() => createRun(audience, request)), [audience, start]);

  return { state, run, start };
}

/** The judge's availability (GET /api/judge/status), refreshed while `watch` is true. */
export function useJudgeStatus(watch: boolean, enabled = true, audience: JudgeAudience = 'learner'): JudgeStatus | null {
  const [status, setStatus] = useState<JudgeStatus | null>(null);
  useEffect(() => {
    if (!enabled) return;
    let alive = true;
    let timer: number | undefined;
    const load = () => {
      void call(() => (audience === 'candidate' ? api.GET('/api/candidate/judge/status') : api.GET('/api/judge/status')))
        .then((s) => {
          if (alive) setStatus(s);
        })
        .catch(() => undefined)
        .finally(() => {
          if (alive && watch) timer = window.setTimeout(load, 5000);
        });
    };
    load();
    return () => {
      alive = false;
      window.clearTimeout(timer);
    };
  }, [watch, enabled, audience]);
  return status;
}
