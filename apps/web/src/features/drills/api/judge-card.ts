import { api, call, type Schemas } from '@/lib/api-client';

type JudgeRun = Schemas['JudgeRunDto'];

/** How often a pending verdict is read again, and for how long at most. */
const POLL_MS = 1000;
const MAX_WAIT_MS = 5 * 60_000;

/**
 * A code-task card's answer: the learner's files judged by the hidden tests
 * (POST /api/drills/cards/{questionId}/judge); resolves with the run once it has its verdict.
 */
export async function judgeCard(questionId: string, files: Record<string, string>): Promise<JudgeRun> {
  let run = await call(() =>
    api.POST('/api/drills/cards/{questionId}/judge', { params: { path: { questionId } }, body: { files } }),
  );
  const deadline = Date.now() + MAX_WAIT_MS;
  while (run.state !== 'done') {
    if (Date.now() > deadline) throw new Error('The judge has not answered yet; try again in a moment.');
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    const id = run.id;
    run = await call(() => api.GET('/api/judge/runs/{id}', { params: { path: { id } } }));
  }
  return run;
}
