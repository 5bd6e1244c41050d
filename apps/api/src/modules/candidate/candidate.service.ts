import { randomInt } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { computeDeadline, drawFromPools, MAX_TIME_LIMIT_SECONDS, type ReviewPolicy } from '@goprep/domain';
import { AppError } from '../../common/errors/app-error';
import type { ContentLocale } from '../../common/i18n/content-locale';
import { ErrorCode } from '../../common/errors/error-codes';
import { RateLimiterService } from '../accounts/rate-limiter.service';
import type { AttemptOwner } from '../attempts/attempt-rows';
import { AttemptReviewService } from '../attempts/attempt-review.service';
import { AttemptsService, type PlannedAttempt } from '../attempts/attempts.service';
import { Clock } from '../attempts/clock';
import { AnswerSavedDto, AttemptDeliveryDto, AttemptSummaryDto, SaveAnswerDto } from '../attempts/dto/attempt.dto';
import { factsOf, type InviteRow } from '../invites/invites.repository';
import { candidateState } from '../invites/invite-status';
import { InvitesService } from '../invites/invites.service';
import type { CreateCandidateJudgeRunDto, JudgeRunDto, JudgeStatusDto } from '../judge/dto/judge.dto';
import { JudgeService } from '../judge/judge.service';
import { QuestionSetsService, type PublishedSetVersion } from '../question-sets/question-sets.service';
import { planItems } from './attempt-plan';
import { CandidateRepository } from './candidate.repository';
import { CandidateReviewDto, CandidateStatusDto, IntegritySignalsDto } from './dto/candidate.dto';

/** Wrong tokens one client may try per window before 429: guessing a 256-bit token is hopeless, and this keeps it so. */
export const TOKEN_FAILURES_PER_IP = 20;
export const TOKEN_WINDOW_SECONDS = 15 * 60;

const owner = (invite: InviteRow): AttemptOwner => ({ kind: 'candidate', inviteId: invite.id });

/**
 * The candidate's side of an invite, without an account: the token (from the link, then from an
 * httpOnly cookie) identifies the invite, and the invite owns its attempts. The attempt itself
 * runs on the quizzes' engine (deadline, grace, sweep, grading).
 */
@Injectable()
export class CandidateService {
  constructor(
    private readonly db: DataSource,
    private readonly repo: CandidateRepository,
    private readonly invites: InvitesService,
    private readonly attempts: AttemptsService,
    private readonly reviews: AttemptReviewService,
    private readonly sets: QuestionSetsService,
    private readonly limiter: RateLimiterService,
    private readonly clock: Clock,
    private readonly judge: JudgeService,
  ) {}

  /** The invite of a token; misses count against the client's IP, and too many give 429. */
  async resolve(token: string | undefined, ip: string): Promise<InviteRow> {
    if (!token) throw new AppError(ErrorCode.CANDIDATE_SESSION_MISSING, 'Open your invite link first.');
    const key = `candidate-token:ip:${ip}`;
    const state = await this.limiter.peek(key, TOKEN_WINDOW_SECONDS);
    if (state.count >= TOKEN_FAILURES_PER_IP) {
      throw new AppError(ErrorCode.RATE_LIMITED, 'Too many invalid invite links from this address; try again later.', undefined, {
        'Retry-After': String(state.retryAfter),
      });
    }
    const invite = await this.invites.byToken(this.db, token);
    if (!invite) {
      await this.limiter.hit(key, TOKEN_WINDOW_SECONDS);
      throw new AppError(ErrorCode.CANDIDATE_INVITE_NOT_FOUND, 'This invite link is not valid. Check that you copied all of it.');
    }
    return invite;
  }

  async status(invite: InviteRow): Promise<CandidateStatusDto> {
    const version = await this.sets.loadPublishedVersionById(invite.set_version_id);
    const { state, canStart } = candidateState(factsOf(invite), this.clock.now());
    return {
      state,
      canStart,
      candidateName: invite.name,
      title: version.title,
      instructions: version.instructions,
      timeLimitSeconds: Math.min(version.timeLimitSeconds + invite.extra_seconds, MAX_TIME_LIMIT_SECONDS),
      itemCount: version.items.reduce((n, item) => n + (item.kind === 'pool' ? item.count : 1), 0),
      expiresAt: invite.expires_at.toISOString(),
      attemptsAllowed: invite.attempts_allowed + invite.extra_attempts,
      attemptsUsed: invite.attempts_used,
      attemptId: invite.latest_attempt_id,
      reviewPolicy: version.reviewPolicy,
      language: version.language,
    };
  }

  /** Starts the attempt, or returns the open one (a second tab, a refresh, a retried request). */
  /** `chosen`: the candidate's pick, used only when the set lets the candidate choose. */
  async start(invite: InviteRow, chosen: ContentLocale = 'en'): Promise<AttemptDeliveryDto> {
    const version = await this.sets.loadPublishedVersionById(invite.set_version_id);
    const contentLocale: ContentLocale = version.language === 'candidate-chooses' ? chosen : version.language;
    const seed = randomInt(0, 2 ** 32);
    const items = await this.draw(invite.org_id, version, seed);
    const id = await this.repo.transaction(async (tx) => {
      const locked = await this.invites.row(tx, invite.org_id, invite.id, 'lock');
      if (locked.latest_state === 'in_progress' && locked.latest_attempt_id && !locked.revoked_at) return locked.latest_attempt_id;
      const now = this.clock.now();
      const { state, canStart } = candidateState(factsOf(locked), now);
      if (!canStart) throw new AppError(ErrorCode.CANDIDATE_CANNOT_START, `This invite cannot start an attempt (${state}).`);
      const timeLimitSeconds = Math.min(version.timeLimitSeconds + locked.extra_seconds, MAX_TIME_LIMIT_SECONDS);
      const plan: PlannedAttempt = {
        owner: owner(locked),
        mode: 'set',
        config: {
          title: version.title,
          timeLimitSeconds,
          shuffleOptions: version.shuffleOptions,
          set: { setId: version.setId, versionId: version.id, version: version.version },
        },
        seed,
        startedAt: now,
        deadlineAt: computeDeadline(now, timeLimitSeconds),
        overduePolicy: version.overduePolicy,
        submitGraceSeconds: version.overduePolicy === 'grace-period' ? version.submitGraceSeconds : 0,
        reviewPolicy: version.reviewPolicy as ReviewPolicy,
        setVersionId: version.id,
        contentLocale,
        items,
      };
      return this.attempts.insertPlanned(tx, plan);
    });
    return this.attempts.deliver(owner(invite), id);
  }

  /** Fixed items as pinned; each pool drawn with the attempt's seed (never a question pinned elsewhere in the set). */
  private async draw(orgId: string, version: PublishedSetVersion, seed: number): Promise<PlannedAttempt['items']> {
    const fixed = version.items.flatMap((i) => (i.kind === 'fixed' ? [i] : []));
    const pools = version.items.flatMap((i) => (i.kind === 'pool' ? [i] : []));
    const options = fixed.length > 0 ? await this.repo.optionIds(fixed.map((f) => f.versionId)) : new Map<string, string[] | null>();
    let byPool: Array<Array<{ versionId: string; optionIds: string[] | null }>> = [];
    if (pools.length > 0) {
      const pinned = new Set(fixed.map((f) => f.questionId));
      const candidates = (await this.sets.poolCandidates(orgId)).filter((c) => !pinned.has(c.id));
      const draw = drawFromPools(pools, candidates, seed);
      if (draw.shortfalls.length > 0) {
        const short = draw.shortfalls.map((s) => `${s.topic}: ${s.drawn} of ${s.wanted}`).join('; ');
        throw new AppError(ErrorCode.NOT_ENOUGH_QUESTIONS, `This test cannot be assembled right now (${short}); tell the person who invited you.`);
      }
      byPool = draw.byPool;
    }
    return planItems(version.items, (versionId) => options.get(versionId) ?? null, byPool);
  }

  private attemptId(invite: InviteRow): string {
    if (!invite.latest_attempt_id) throw new AppError(ErrorCode.ATTEMPT_NOT_FOUND, 'No attempt yet: start the test first.');
    return invite.latest_attempt_id;
  }

  deliver(invite: InviteRow): Promise<AttemptDeliveryDto> {
    return this.attempts.deliver(owner(invite), this.attemptId(invite));
  }

  save(invite: InviteRow, position: number, body: SaveAnswerDto): Promise<AnswerSavedDto> {
    return this.attempts.saveAnswer(owner(invite), this.attemptId(invite), position, body);
  }

  submit(invite: InviteRow): Promise<AttemptSummaryDto> {
    return this.attempts.submit(owner(invite), this.attemptId(invite));
  }

  async review(invite: InviteRow): Promise<CandidateReviewDto> {
    const id = this.attemptId(invite);
    const attempt = await this.attempts.summary(owner(invite), id);
    if (attempt.state !== 'submitted') throw new AppError(ErrorCode.ATTEMPT_NOT_SUBMITTED, 'The review opens once the test is submitted.');
    const policy = (await this.repo.reviewPolicy(id)) ?? 'none';
    if (policy === 'full') {
      const full = await this.reviews.review(owner(invite), id);
      return { policy, attempt: full.attempt, items: null, full: full.items };
    }
    if (policy === 'correctness') {
      const outcomes = await this.reviews.outcomes(owner(invite), id);
      return {
        policy,
        attempt: outcomes.attempt,
        items: outcomes.items.map((i) => ({ position: i.position, title: i.title, topic: i.topic, type: i.type, points: i.points, score: i.score, status: i.status })),
        full: null,
      };
    }
    return { policy, attempt, items: null, full: null };
  }

  /** Stores what the browser reported; only while the attempt is open. Signals, never proof. */
  async signals(invite: InviteRow, body: IntegritySignalsDto): Promise<void> {
    const id = this.attemptId(invite);
    const attempt = await this.attempts.summary(owner(invite), id);
    if (attempt.state !== 'in_progress') throw new AppError(ErrorCode.ATTEMPT_CLOSED, 'This attempt is closed.');
    if (body.events.length === 0) return;
    await this.repo.addSignals(id, body.events, this.clock.now());
  }

  // --- Code tasks: "Run" (visible tests) in the candidate's open attempt, and the judge's status.

  createRun(invite: InviteRow, body: CreateCandidateJudgeRunDto): Promise<JudgeRunDto> {
    return this.judge.createCandidateRun(invite.id, this.attemptId(invite), body);
  }

  run(invite: InviteRow, runId: string): Promise<JudgeRunDto> {
    return this.judge.getForCandidate(invite.id, runId);
  }

  judgeStatus(): Promise<JudgeStatusDto> {
    return this.judge.status();
  }
}
