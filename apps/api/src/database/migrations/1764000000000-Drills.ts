import { MigrationInterface, QueryRunner } from 'typeorm';

/** Spaced-repetition drills: per-learner settings, one card per (learner, question), the review log. */
export class Drills1764000000000 implements MigrationInterface {
  name = 'Drills1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE srs_settings (
        user_id uuid PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
        timezone text NOT NULL,
        day_start_hour smallint NOT NULL CHECK (day_start_hour BETWEEN 0 AND 23),
        desired_retention double precision NOT NULL CHECK (desired_retention BETWEEN 0.7 AND 0.97),
        max_interval_days integer NOT NULL CHECK (max_interval_days >= 1),
        new_per_day integer NOT NULL CHECK (new_per_day >= 0),
        learning_steps text[] NOT NULL,
        relearning_steps text[] NOT NULL,
        weights jsonb,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);

    await q.query(`
      CREATE TABLE srs_cards (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        question_id text NOT NULL REFERENCES questions(id),
        state text NOT NULL DEFAULT 'new' CHECK (state IN ('new', 'learning', 'review', 'relearning')),
        due timestamptz NOT NULL,
        stability double precision NOT NULL DEFAULT 0,
        difficulty double precision NOT NULL DEFAULT 0,
        scheduled_days integer NOT NULL DEFAULT 0 CHECK (scheduled_days >= 0),
        learning_steps integer NOT NULL DEFAULT 0 CHECK (learning_steps >= 0),
        reps integer NOT NULL DEFAULT 0 CHECK (reps >= 0),
        lapses integer NOT NULL DEFAULT 0 CHECK (lapses >= 0),
        last_review timestamptz,
        suspended boolean NOT NULL DEFAULT false,
        leech boolean NOT NULL DEFAULT false,
        added_at timestamptz NOT NULL,
        source text NOT NULL CHECK (source IN ('topic', 'question', 'attempt', 'template')),
        UNIQUE (user_id, question_id)
      )`);
    // The due queue: a learner's unsuspended cards by due time.
    await q.query(`CREATE INDEX srs_cards_due_idx ON srs_cards (user_id, suspended, due)`);

    // Append-only. The id is the client's review id (idempotency). card_id goes NULL when the card
    // leaves the deck so the history (stats, the future optimizer) survives the removal.
    await q.query(`
      CREATE TABLE srs_reviews (
        id uuid PRIMARY KEY,
        card_id uuid REFERENCES srs_cards(id) ON DELETE SET NULL,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        question_id text NOT NULL REFERENCES questions(id),
        question_version_id uuid NOT NULL REFERENCES question_versions(id),
        reviewed_at timestamptz NOT NULL,
        local_day date NOT NULL,
        rating text NOT NULL CHECK (rating IN ('again', 'hard', 'good', 'easy')),
        suggested_rating text CHECK (suggested_rating IN ('again', 'hard', 'good', 'easy')),
        rating_source text NOT NULL CHECK (rating_source IN ('auto', 'overridden', 'self')),
        response jsonb,
        status text NOT NULL CHECK (status IN ('correct', 'partial', 'incorrect', 'pending', 'unanswered', 'self-rated')),
        score numeric(10, 4),
        correct boolean,
        guessed boolean,
        duration_ms integer NOT NULL CHECK (duration_ms >= 0),
        expected_seconds integer,
        elapsed_days integer NOT NULL,
        predicted_recall double precision,
        desired_retention double precision NOT NULL,
        timezone text NOT NULL,
        day_start_hour smallint NOT NULL,
        leech_triggered boolean NOT NULL DEFAULT false,
        state_before jsonb NOT NULL,
        state_after jsonb NOT NULL,
        undone_at timestamptz
      )`);
    // Undo and idempotency look at a card's latest review; stats read a learner's reviews by time.
    await q.query(`CREATE INDEX srs_reviews_card_idx ON srs_reviews (card_id, reviewed_at DESC)`);
    await q.query(`CREATE INDEX srs_reviews_user_idx ON srs_reviews (user_id, reviewed_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS srs_reviews`);
    await q.query(`DROP TABLE IF EXISTS srs_cards`);
    await q.query(`DROP TABLE IF EXISTS srs_settings`);
  }
}
