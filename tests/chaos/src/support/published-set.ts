import type { ApiSession } from '@goprep/test-support';
import type { AppPostgres } from './postgres';

/** Auto-graded bank questions that need no typing beyond a value: what the load specs answer. */
const AUTO_GRADED = `('single', 'multi', 'true-false', 'numeric', 'short', 'code-output')`;

/**
 * An organization of `manager`, and in it a published set of `items` bank questions (fixed, one
 * point each), read straight from the app's database so the spec does not depend on search.
 */
export async function publishedBankSet(
  manager: ApiSession,
  pg: AppPostgres,
  opts: { orgName: string; title: string; items: number; timeLimitSeconds: number },
): Promise<{ orgId: string; setId: string }> {
  const org = await manager.ok<{ id: string }>('POST', '/api/orgs', { name: opts.orgName });
  const questions = await pg.query<{ id: string }>(
    `SELECT q.id FROM questions q JOIN question_versions v ON v.question_id = q.id AND v.version = q.current_version
      WHERE q.organization_id IS NULL AND q.retired_at IS NULL AND v.type IN ${AUTO_GRADED}
      ORDER BY q.id LIMIT $1`,
    [opts.items],
  );
  if (questions.length !== opts.items) throw new Error(`the bank has ${questions.length} auto-graded questions, wanted ${opts.items}`);
  const set = await manager.ok<{ id: string }>('POST', `/api/orgs/${org.id}/sets`, { title: opts.title });
  await manager.ok('PUT', `/api/orgs/${org.id}/sets/${set.id}/draft`, {
    title: opts.title,
    instructions: 'Answer every question.',
    timeLimitSeconds: opts.timeLimitSeconds,
    shuffleOptions: true,
    overduePolicy: 'auto-submit',
    submitGraceSeconds: 0,
    reviewPolicy: 'score',
    items: questions.map((q) => ({ kind: 'fixed', questionId: q.id, points: 1 })),
  });
  await manager.ok('POST', `/api/orgs/${org.id}/sets/${set.id}/publish`);
  return { orgId: org.id, setId: set.id };
}
