import type { TestApp } from './test-app';

/**
 * A small code task for the judge suites, stored as the bank loader stores a code-task version:
 * a question, its version and its judge spec (hidden tests and solution server-side only).
 * The starter has a data race; the solution guards the counter with a mutex.
 */
export const TALLY_ID = 'e2e-tally-task';

/** Appears only in the hidden test file: a client response containing it leaked hidden tests. */
export const HIDDEN_MARKER = 'hidden-marker-4c1e9a';

export const STARTER = `package tally

// Counter counts events reported by many goroutines.
type Counter struct{ n int }

func (c *Counter) Add() { c.n++ }

func (c *Counter) Value() int { return c.n }
`;

export const SOLUTION = `package tally

import "sync"

// Counter counts events reported by many goroutines.
type Counter struct {
	mu sync.Mutex
	n  int
}

func (c *Counter) Add() {
	c.mu.Lock()
	c.n++
	c.mu.Unlock()
}

func (c *Counter) Value() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.n
}
`;

/** The solution, but every Value() takes `seconds`: a run long enough to kill a runner in the middle of. */
export function slowSolution(seconds: number): string {
  return SOLUTION.replace('import "sync"', 'import (\n\t"sync"\n\t"time"\n)').replace(
    'func (c *Counter) Value() int {\n',
    `func (c *Counter) Value() int {\n\ttime.Sleep(${seconds} * time.Second)\n`,
  );
}

const VISIBLE = `package tally

import "testing"

func TestAddOnce(t *testing.T) {
	var c Counter
	c.Add()
	if got := c.Value(); got != 1 {
		t.Fatalf("Value() = %d after one Add, want 1", got)
	}
}
`;

const HIDDEN = `package tally

import (
	"sync"
	"testing"
)

// ${HIDDEN_MARKER}

func TestAddOnceHidden(t *testing.T) {
	var c Counter
	c.Add()
	if got := c.Value(); got != 1 {
		t.Fatalf("Value() = %d after one Add, want 1", got)
	}
}

func TestConcurrentAdds(t *testing.T) {
	var c Counter
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < 100; j++ {
				c.Add()
			}
		}()
	}
	wg.Wait()
	if got := c.Value(); got != 800 {
		t.Fatalf("Value() = %d, want 800", got)
	}
}
`;

export const TALLY_SPEC = {
  id: TALLY_ID,
  package: 'tally',
  files: ['tally.go'],
  imports: ['sync', 'sync/atomic', 'time'],
  checks: { race: true, leak: false, vet: false },
  limits: { timeSeconds: 20, memoryMb: 768 },
  scoring: 'partial',
  visibleTests: { 'visible_test.go': VISIBLE },
  hiddenTests: { 'hidden_test.go': HIDDEN },
};

/** Inserts the task as version 1 of a live bank question; returns the version id. */
export async function insertTallyTask(app: TestApp): Promise<string> {
  await app.sql(
    `INSERT INTO questions (id, topic_id, organization_id, current_version, retired_at) VALUES ($1, 'sync', NULL, 1, NULL)`,
    [TALLY_ID],
  );
  const [row] = await app.sql<{ id: string }>(
    `INSERT INTO question_versions (question_id, version, content_hash, title, topic_id, subtopic, type, difficulty, tags, go_version,
       expected_seconds, prompt, code, options, unit, answer_key, explanation, "references", verify, search_text, verification)
     VALUES ($1, 1, 'e2e', 'Count safely', 'sync', 'mutex', 'code-task', 2, '{}', '1.26', 300, 'Make Counter safe for concurrent use.',
       NULL, NULL, NULL, '{"type": "code-task", "scoring": "partial"}'::jsonb, 'A mutex serialises the increments. Reads take it too. Otherwise -race reports the conflict.',
       '{}', '[]'::jsonb, 'count safely', 'verified')
     RETURNING id`,
    [TALLY_ID],
  );
  await app.sql(`INSERT INTO judge_task_specs (question_version_id, spec, starter, solution) VALUES ($1, $2, $3, $4)`, [
    row!.id,
    JSON.stringify(TALLY_SPEC),
    JSON.stringify({ 'tally.go': STARTER }),
    JSON.stringify({ 'tally.go': SOLUTION }),
  ]);
  return row!.id;
}
