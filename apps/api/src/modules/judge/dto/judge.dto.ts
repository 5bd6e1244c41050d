import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsObject, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { SUBMISSION_LIMITS } from '@goprep/domain';

export const VERDICTS = ['passed', 'failed', 'compile-error', 'rejected', 'time-limit', 'memory-limit', 'output-limit', 'internal-error'] as const;
export type JudgeVerdict = (typeof VERDICTS)[number];
export const RUN_STATES = ['queued', 'running', 'done'] as const;
export type JudgeRunState = (typeof RUN_STATES)[number];
export const RUN_MODES = ['visible', 'hidden', 'playground'] as const;
export type JudgeRunMode = (typeof RUN_MODES)[number];

/** A submission's files: the task's editable files only, within SUBMISSION_LIMITS (the service checks names and sizes). */
const TaskFiles = () =>
  applyDecorators(
    ApiProperty({
      description: `File name -> Go source; exactly the task's editable files (at most ${SUBMISSION_LIMITS.files} files, ${SUBMISSION_LIMITS.fileBytes} bytes each, ${SUBMISSION_LIMITS.totalBytes} in all)`,
      type: 'object',
      additionalProperties: { type: 'string' },
      example: { 'cache.go': 'package cache\n' },
    }),
    IsObject(),
  );

/** An item's position in an attempt (1 to 1000). */
const ItemPosition = ({ optional = false, description }: { optional?: boolean; description?: string } = {}) => {
  const doc = { minimum: 1, ...(description ? { description } : {}) };
  // In the order stacked decorators are applied (bottom up), as they were: the same validation messages in the same order.
  return applyDecorators(Max(1000), Min(1), IsInt(), ...(optional ? [IsOptional(), ApiPropertyOptional(doc)] : [ApiProperty(doc)]));
};

/**
 * The validation of a question id (`gl-task-fanout-early-return`); each field keeps its own
 * ApiProperty. Listed in the order stacked decorators are applied (bottom up), as before.
 */
const QuestionIdShape = () => applyDecorators(Matches(/^[a-z0-9][a-z0-9-]*$/, { message: '$property must be a question id' }), MaxLength(200), IsString());

export class CreateJudgeRunDto {
  @ApiProperty({ description: 'The code-task question to run the visible tests of', example: 'gl-task-fanout-early-return' })
  @QuestionIdShape()
  questionId!: string;

  @ApiPropertyOptional({ description: 'Run against the version pinned by this attempt item (your own attempt); default: the current bank version' })
  @IsOptional()
  @IsUUID()
  attemptId?: string;

  @ItemPosition({ optional: true })
  position?: number;

  @TaskFiles()
  files!: Record<string, string>;
}

export class CreateCandidateJudgeRunDto {
  @ApiProperty({ description: 'The code-task question at that position of your attempt', example: 'gl-task-fanout-early-return' })
  @QuestionIdShape()
  questionId!: string;

  @ItemPosition({ description: "The item's position in your open attempt" })
  position!: number;

  @TaskFiles()
  files!: Record<string, string>;
}

export class CreatePlaygroundRunDto {
  @ApiPropertyOptional({ description: 'An item of your own submitted attempt whose review shows answers (with position)' })
  @IsOptional()
  @IsUUID()
  attemptId?: string;

  @ItemPosition({ optional: true })
  position?: number;

  @ApiPropertyOptional({ description: 'Or a drill card (its question id) you have answered', example: 'ch-close-blocked-sender' })
  @IsOptional()
  @QuestionIdShape()
  drillQuestionId?: string;

  @ApiProperty({
    description: "File name -> Go source: `main.go` for a code-output or code-lines program, the task's editable files for a code task",
    type: 'object',
    additionalProperties: { type: 'string' },
    example: { 'main.go': 'package main\n\nfunc main() {}\n' },
  })
  @IsObject()
  files!: Record<string, string>;
}

export class JudgeProgramOutputDto {
  @ApiProperty() stdout!: string;
  @ApiProperty() stderr!: string;
  @ApiProperty({ description: 'The exit status (66 when the race detector reported a race); -1 when it did not run' }) exitCode!: number;
}

export class JudgeTestResultDto {
  @ApiProperty() name!: string;
  @ApiProperty() passed!: boolean;
  @ApiPropertyOptional({ description: "The test's own log (visible runs only)" }) output?: string;
}

export class JudgeRunDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() questionId!: string;
  @ApiProperty() version!: number;
  @ApiProperty({ enum: RUN_MODES }) mode!: JudgeRunMode;
  @ApiProperty({ enum: RUN_STATES, description: 'queued until a runner takes it (honestly: also while no runner is up)' }) state!: JudgeRunState;
  @ApiProperty({ enum: VERDICTS, nullable: true, type: String }) verdict!: JudgeVerdict | null;
  @ApiProperty({ nullable: true, type: Number, minimum: 0, maximum: 1 }) score!: number | null;
  @ApiProperty({ type: [JudgeTestResultDto] }) tests!: JudgeTestResultDto[];
  @ApiProperty({ nullable: true, type: String }) raceReport!: string | null;
  @ApiProperty({ nullable: true, type: String }) leakReport!: string | null;
  @ApiProperty({ nullable: true, type: String }) compileOutput!: string | null;
  @ApiProperty({ nullable: true, type: String }) message!: string | null;
  @ApiProperty({ description: 'sha256 of the submitted files' }) codeHash!: string;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' } }) files!: Record<string, string>;
  @ApiProperty({ format: 'date-time' }) queuedAt!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) startedAt!: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) finishedAt!: string | null;
  @ApiProperty({ nullable: true, type: Number }) durationMs!: number | null;
  @ApiProperty({ type: JudgeProgramOutputDto, nullable: true, description: "A playground program's output (playground runs of code-output / code-lines programs)" })
  program!: JudgeProgramOutputDto | null;
}

export class JudgeRunnerDto {
  @ApiProperty() runnerId!: string;
  @ApiProperty() hostname!: string;
  @ApiProperty({ enum: ['warming', 'ready'] }) state!: 'warming' | 'ready';
  @ApiProperty() warmDone!: number;
  @ApiProperty() warmTotal!: number;
  @ApiProperty() jobsDone!: number;
  @ApiProperty() message!: string;
  @ApiProperty({ format: 'date-time' }) startedAt!: string;
  @ApiProperty({ format: 'date-time' }) heartbeatAt!: string;
}

export class JudgeStatusDto {
  @ApiProperty({ description: 'At least one runner is alive and ready; when false, runs stay queued until one starts' }) available!: boolean;
  @ApiProperty({ type: [JudgeRunnerDto], description: 'Runners with a recent heartbeat' }) runners!: JudgeRunnerDto[];
  @ApiProperty({ description: 'Judge jobs waiting for a runner' }) queueDepth!: number;
}

export class ReviewJudgeTestDto {
  @ApiProperty() name!: string;
  @ApiProperty() passed!: boolean;
}

/** A code task in a review: how its final code was judged with the hidden tests. */
export class ReviewJudgeDto {
  @ApiProperty({ enum: [...RUN_STATES, 'none'], description: "The final run's state; `none` when no code was saved, so nothing was judged" })
  state!: JudgeRunState | 'none';
  @ApiProperty({ enum: VERDICTS, nullable: true, type: String }) verdict!: JudgeVerdict | null;
  @ApiProperty({ nullable: true, type: Number, minimum: 0, maximum: 1, description: 'Share of hidden tests passed (or all or nothing)' }) score!: number | null;
  @ApiProperty({ type: [ReviewJudgeTestDto], description: 'Each hidden test: name and whether it passed' }) tests!: ReviewJudgeTestDto[];
  @ApiProperty({ nullable: true, type: String }) raceReport!: string | null;
  @ApiProperty({ nullable: true, type: String }) leakReport!: string | null;
  @ApiProperty({ nullable: true, type: String }) compileOutput!: string | null;
  @ApiProperty({ nullable: true, type: String }) message!: string | null;
  @ApiPropertyOptional({ type: 'object', additionalProperties: { type: 'string' }, description: 'Hidden test file name -> source, when the review policy shows keys' })
  hiddenTests?: Record<string, string>;
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'string' },
    description: "The reference solution: only in a learner's own review, never to a candidate",
  })
  solution?: Record<string, string>;
}
