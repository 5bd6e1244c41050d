import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { AttemptResult, AttemptState, OverduePolicy, ReviewPolicy } from '@goprep/domain';

export type AttemptMode = 'quick' | 'mock' | 'set';

/** Postgres returns numeric and bigint as strings; these columns are small enough for a number. */
const numeric = { to: (v: number | null) => v, from: (v: string | null) => (v === null ? null : Number(v)) };

@Entity({ name: 'attempts' })
export class AttemptEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'user_id', type: 'uuid', nullable: true }) userId!: string | null;
  @Column({ name: 'invite_id', type: 'uuid', nullable: true }) inviteId!: string | null;
  @Column({ name: 'set_version_id', type: 'uuid', nullable: true }) setVersionId!: string | null;
  @Column({ type: 'text' }) mode!: AttemptMode;
  @Column({ type: 'jsonb' }) config!: Record<string, unknown>;
  @Column({ type: 'bigint', transformer: numeric }) seed!: number;
  @Column({ type: 'text', default: 'in_progress' }) state!: AttemptState;
  @Column({ name: 'started_at', type: 'timestamptz' }) startedAt!: Date;
  @Column({ name: 'deadline_at', type: 'timestamptz' }) deadlineAt!: Date;
  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true }) submittedAt!: Date | null;
  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true }) finishedAt!: Date | null;
  @Column({ name: 'overdue_policy', type: 'text', default: 'auto-submit' }) overduePolicy!: OverduePolicy;
  @Column({ name: 'submit_grace_seconds', type: 'int', default: 0 }) submitGraceSeconds!: number;
  @Column({ name: 'review_policy', type: 'text', default: 'full' }) reviewPolicy!: ReviewPolicy;
  @Column({ type: 'numeric', precision: 10, scale: 4, nullable: true, transformer: numeric }) score!: number | null;
  @Column({ name: 'max_score', type: 'numeric', precision: 10, scale: 4, nullable: true, transformer: numeric }) maxScore!: number | null;
  @Column({ type: 'jsonb', nullable: true }) result!: AttemptResult | null;
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' }) createdAt!: Date;
}

/** One question of an attempt, pinned to the version that was shown. */
@Entity({ name: 'attempt_items' })
export class AttemptItemEntity {
  @PrimaryColumn({ name: 'attempt_id', type: 'uuid' }) attemptId!: string;
  @PrimaryColumn({ type: 'int' }) position!: number;
  @Column({ name: 'question_version_id', type: 'uuid' }) questionVersionId!: string;
  @Column({ name: 'option_order', type: 'text', array: true, nullable: true }) optionOrder!: string[] | null;
  @Column({ type: 'numeric', precision: 10, scale: 4, default: 1, transformer: numeric }) points!: number;
}

/** The learner's answer to one item; `revision` counts the saves (last write wins while open). */
@Entity({ name: 'answers' })
export class AnswerEntity {
  @PrimaryColumn({ name: 'attempt_id', type: 'uuid' }) attemptId!: string;
  @PrimaryColumn({ type: 'int' }) position!: number;
  @Column({ type: 'jsonb', nullable: true }) response!: Record<string, unknown> | null;
  @Column({ type: 'boolean', default: false }) flagged!: boolean;
  @Column({ name: 'time_spent_ms', type: 'int', default: 0 }) timeSpentMs!: number;
  @Column({ name: 'saved_at', type: 'timestamptz' }) savedAt!: Date;
  @Column({ type: 'int', default: 1 }) revision!: number;
  @Column({ type: 'numeric', precision: 10, scale: 4, nullable: true, transformer: numeric }) score!: number | null;
  @Column({ type: 'text', nullable: true }) status!: string | null;
}
