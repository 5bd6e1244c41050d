import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

@Entity({ name: 'topics' })
export class TopicEntity {
  @PrimaryColumn({ type: 'text' }) id!: string;
  @Column({ type: 'text' }) title!: string;
  @Column({ type: 'boolean' }) core!: boolean;
  @Column({ type: 'text' }) description!: string;
  @Column({ type: 'int' }) position!: number;
}

@Entity({ name: 'questions' })
export class QuestionEntity {
  @PrimaryColumn({ type: 'text' }) id!: string;
  @Column({ name: 'topic_id', type: 'text' }) topicId!: string;
  @Column({ name: 'organization_id', type: 'uuid', nullable: true }) organizationId!: string | null;
  @Column({ name: 'current_version', type: 'int' }) currentVersion!: number;
  @Column({ name: 'retired_at', type: 'timestamptz', nullable: true }) retiredAt!: Date | null;
}

/** Has the Go program of this version been proven by the verifier? */
export const QUESTION_VERIFICATION = ['not-applicable', 'unverified', 'verified'] as const;
export type QuestionVerification = (typeof QUESTION_VERIFICATION)[number];

/** Immutable: a changed question gets a new row; attempts keep pointing at the old one. */
@Entity({ name: 'question_versions' })
export class QuestionVersionEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'question_id', type: 'text' }) questionId!: string;
  @Column({ type: 'int' }) version!: number;
  @Column({ name: 'content_hash', type: 'text' }) contentHash!: string;
  @Column({ type: 'text' }) title!: string;
  @Column({ name: 'topic_id', type: 'text' }) topicId!: string;
  @Column({ type: 'text' }) subtopic!: string;
  @Column({ type: 'text' }) type!: string;
  @Column({ type: 'smallint' }) difficulty!: number;
  @Column({ type: 'text', array: true }) tags!: string[];
  @Column({ name: 'go_version', type: 'text' }) goVersion!: string;
  @Column({ name: 'expected_seconds', type: 'int' }) expectedSeconds!: number;
  @Column({ type: 'text' }) prompt!: string;
  @Column({ type: 'text', nullable: true }) code!: string | null;
  @Column({ type: 'jsonb', nullable: true }) options!: Array<{ id: string; text: string; correct: boolean; feedback?: string; side?: 'left' | 'right' }> | null;
  @Column({ type: 'text', nullable: true }) unit!: string | null;
  @Column({ name: 'answer_key', type: 'jsonb' }) answerKey!: unknown;
  @Column({ type: 'text' }) explanation!: string;
  /** Suggested follow-ups: the interviewer's room panel only, never delivered or reviewed. */
  @Column({ name: 'follow_ups', type: 'text', array: true, nullable: true }) followUps!: string[] | null;
  @Column({ name: 'references', type: 'text', array: true }) references!: string[];
  @Column({ type: 'jsonb' }) verify!: unknown;
  @Column({ name: 'search_text', type: 'text' }) searchText!: string;
  @Column({ type: 'text', default: 'not-applicable' }) verification!: QuestionVerification;
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' }) createdAt!: Date;
}
