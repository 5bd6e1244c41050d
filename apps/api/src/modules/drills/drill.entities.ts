import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { SrsCardState } from '@goprep/domain';

/** A learner's drill settings (absent row = defaults). Queries are raw SQL; these document the schema. */
@Entity({ name: 'srs_settings' })
export class SrsSettingsEntity {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' }) userId!: string;
  @Column({ type: 'text' }) timezone!: string;
  @Column({ name: 'day_start_hour', type: 'smallint' }) dayStartHour!: number;
  @Column({ name: 'desired_retention', type: 'double precision' }) desiredRetention!: number;
  @Column({ name: 'max_interval_days', type: 'int' }) maxIntervalDays!: number;
  @Column({ name: 'new_per_day', type: 'int' }) newPerDay!: number;
  @Column({ name: 'learning_steps', type: 'text', array: true }) learningSteps!: string[];
  @Column({ name: 'relearning_steps', type: 'text', array: true }) relearningSteps!: string[];
  @Column({ type: 'jsonb', nullable: true }) weights!: number[] | null;
  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' }) updatedAt!: Date;
}

/** One card per (learner, question): the FSRS state plus suspension and leech flags. */
@Entity({ name: 'srs_cards' })
export class SrsCardEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'user_id', type: 'uuid' }) userId!: string;
  @Column({ name: 'question_id', type: 'text' }) questionId!: string;
  @Column({ type: 'text', default: 'new' }) state!: SrsCardState;
  @Column({ type: 'timestamptz' }) due!: Date;
  @Column({ type: 'double precision', default: 0 }) stability!: number;
  @Column({ type: 'double precision', default: 0 }) difficulty!: number;
  @Column({ name: 'scheduled_days', type: 'int', default: 0 }) scheduledDays!: number;
  @Column({ name: 'learning_steps', type: 'int', default: 0 }) learningSteps!: number;
  @Column({ type: 'int', default: 0 }) reps!: number;
  @Column({ type: 'int', default: 0 }) lapses!: number;
  @Column({ name: 'last_review', type: 'timestamptz', nullable: true }) lastReview!: Date | null;
  @Column({ type: 'boolean', default: false }) suspended!: boolean;
  @Column({ type: 'boolean', default: false }) leech!: boolean;
  @Column({ name: 'added_at', type: 'timestamptz' }) addedAt!: Date;
  @Column({ type: 'text' }) source!: string;
}

/** One review, appended; `id` is the client's review id. */
@Entity({ name: 'srs_reviews' })
export class SrsReviewEntity {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ name: 'card_id', type: 'uuid', nullable: true }) cardId!: string | null;
  @Column({ name: 'user_id', type: 'uuid' }) userId!: string;
  @Column({ name: 'question_id', type: 'text' }) questionId!: string;
  @Column({ name: 'question_version_id', type: 'uuid' }) questionVersionId!: string;
  @Column({ name: 'reviewed_at', type: 'timestamptz' }) reviewedAt!: Date;
  @Column({ name: 'local_day', type: 'date' }) localDay!: string;
  @Column({ type: 'text' }) rating!: string;
  @Column({ name: 'suggested_rating', type: 'text', nullable: true }) suggestedRating!: string | null;
  @Column({ name: 'rating_source', type: 'text' }) ratingSource!: string;
  @Column({ type: 'jsonb', nullable: true }) response!: Record<string, unknown> | null;
  @Column({ type: 'text' }) status!: string;
  @Column({ type: 'numeric', precision: 10, scale: 4, nullable: true }) score!: string | null;
  @Column({ type: 'boolean', nullable: true }) correct!: boolean | null;
  @Column({ type: 'boolean', nullable: true }) guessed!: boolean | null;
  @Column({ name: 'duration_ms', type: 'int' }) durationMs!: number;
  @Column({ name: 'expected_seconds', type: 'int', nullable: true }) expectedSeconds!: number | null;
  @Column({ name: 'elapsed_days', type: 'int' }) elapsedDays!: number;
  @Column({ name: 'predicted_recall', type: 'double precision', nullable: true }) predictedRecall!: number | null;
  @Column({ name: 'desired_retention', type: 'double precision' }) desiredRetention!: number;
  @Column({ type: 'text' }) timezone!: string;
  @Column({ name: 'day_start_hour', type: 'smallint' }) dayStartHour!: number;
  @Column({ name: 'leech_triggered', type: 'boolean', default: false }) leechTriggered!: boolean;
  @Column({ name: 'state_before', type: 'jsonb' }) stateBefore!: Record<string, unknown>;
  @Column({ name: 'state_after', type: 'jsonb' }) stateAfter!: Record<string, unknown>;
  @Column({ name: 'undone_at', type: 'timestamptz', nullable: true }) undoneAt!: Date | null;
}

/** One evaluation of the optimizer job: fitted vs current parameters, and whether it switched. */
@Entity({ name: 'srs_optimizations' })
export class SrsOptimizationEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'user_id', type: 'uuid' }) userId!: string;
  @Column({ name: 'evaluated_at', type: 'timestamptz' }) evaluatedAt!: Date;
  @Column({ type: 'text' }) reason!: string;
  @Column({ type: 'text' }) outcome!: string;
  @Column({ name: 'review_count', type: 'int' }) reviewCount!: number;
  @Column({ name: 'item_count', type: 'int' }) itemCount!: number;
  @Column({ name: 'current_log_loss', type: 'double precision', nullable: true }) currentLogLoss!: number | null;
  @Column({ name: 'current_rmse', type: 'double precision', nullable: true }) currentRmse!: number | null;
  @Column({ name: 'fitted_log_loss', type: 'double precision', nullable: true }) fittedLogLoss!: number | null;
  @Column({ name: 'fitted_rmse', type: 'double precision', nullable: true }) fittedRmse!: number | null;
  @Column({ name: 'current_weights', type: 'jsonb' }) currentWeights!: number[];
  @Column({ name: 'fitted_weights', type: 'jsonb', nullable: true }) fittedWeights!: number[] | null;
  @Column({ name: 'duration_ms', type: 'int' }) durationMs!: number;
  @Column({ type: 'text', nullable: true }) error!: string | null;
}
