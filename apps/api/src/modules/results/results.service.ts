import { Injectable } from '@nestjs/common';
import {
  rankResults,
  summarizeIntegrity,
  toCsv,
  type AnswerKey,
  type CandidateResult,
  type CandidateStatus,
} from '@goprep/domain';
import { AppError } from '../../common/errors/app-error';
import { ErrorCode } from '../../common/errors/error-codes';
import { retotalAttempt } from '../attempts/attempts.repository';
import { mapReviewItem } from '../attempts/attempt.mappers';
import { Clock } from '../attempts/clock';
import { AuditService } from '../audit/audit.service';
import { inviteStatus } from '../invites/invite-status';
import { factsOf, type InviteResultRow } from '../invites/invites.repository';
import { InvitesService } from '../invites/invites.service';
import { OrganizationsService } from '../organizations/organizations.service';
import {
  CandidateReportDto,
  CompareResultsDto,
  GradeItemDto,
  ResultRowDto,
  ResultsQueryDto,
  SetResultsPageDto,
  SignalCountsDto,
} from './dto/results.dto';
import { gradeStatus, topicsOf } from './result-rows';
import { ResultsRepository, type ReportAttemptRow, type SignalEvent } from './results.repository';

export const SIGNALS_NOTE =
  'Signals are what the browser reported (pasting, leaving the tab). They have innocent explanations and are not proof of anything.';

const byName = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const num = (v: string | null): number | null => (v === null ? null : Number(v));
import type { ReviewJudgeDto } from '../judge/dto/judge.dto';
import { JudgeService } from '../judge/judge.service';
import { WebhooksService } from '../webhooks/webhooks.service';

@Injectable()
export class ResultsService {
  constructor(
    private readonly repo: ResultsRepository,
    private readonly orgs: OrganizationsService,
    private readonly invites: InvitesService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly judge: JudgeService,
    private readonly webhooks: WebhooksService,
  ) {}

  /**
   * The ranked, filtered, sorted rows (all of them, or the page `window` asks for). Ranks are over
   * the whole set and the filters and sort keys are the domain's, so every row's score facts are
   * read (one light statement, which also brings each newest result's topic names for the table's
   * columns); the per-topic breakdown and the signal counts, the heavy part, are read for the page's
   * rows only.
   */
  async list(userId: string, orgId: string, setId: string, query: ResultsQueryDto, window?: { limit: number; offset: number }): Promise<SetResultsPageDto> {
    await this.orgs.requireMembership(userId, orgId);
    await this.invites.requireSet(orgId, setId);
    const rows = await this.invites.listWithLatestResults(orgId, setId);
    const now = this.clock.now();
    const byId = new Map(rows.map((r) => [r.id, r]));
    const results: CandidateResult[] = rows.map((r) => {
      const scored = r.latest_state === 'submitted';
      return {
        id: r.id,
        name: r.name,
        email: r.email,
        status: inviteStatus(factsOf(r), now),
        score: scored ? num(r.score) : null,
        maxScore: scored ? num(r.max_score) : null,
        durationSeconds: scored ? r.time_taken_seconds : null,
        submittedAt: scored ? (r.submitted_at?.toISOString() ?? null) : null,
        pendingGrading: scored && (r.pending ?? 0) > 0,
      };
    });
    const ranked = rankResults(results, {
      sort: query.sort ?? 'rank',
      ...(query.order ? { order: query.order } : {}),
      ...(query.status ? { status: query.status.split(',') as CandidateStatus[] } : {}),
      ...(query.search ? { search: query.search } : {}),
      ...(query.minPercent !== undefined ? { minPercent: query.minPercent } : {}),
      ...(query.maxPercent !== undefined ? { maxPercent: query.maxPercent } : {}),
    });
    const { limit, offset } = window ?? { limit: ranked.length, offset: 0 };
    const page = ranked.slice(offset, offset + limit);
    const scoredAttempt = (id: string): string | null => {
      const r = byId.get(id) as InviteResultRow;
      return r.latest_state === 'submitted' ? r.latest_attempt_id : null;
    };
    const pageAttempts = page.map((p) => byId.get(p.result.id)?.latest_attempt_id).filter((id): id is string => !!id);
    const [topicRows, signals] = await Promise.all([
      this.repo.resultTopics(page.map((p) => scoredAttempt(p.result.id)).filter((id): id is string => !!id)),
      this.repo.signalCounts(pageAttempts),
    ]);
    // The table's topic columns: every topic of a scored result among the filtered rows, over all pages.
    const topics = new Set<string>();
    for (const { result } of ranked) {
      const r = byId.get(result.id) as InviteResultRow;
      if (r.latest_state === 'submitted') for (const topic of r.topics ?? []) topics.add(topic);
    }
    const byTopicOf = new Map(topicRows.map((t) => [t.id, t.by_topic]));
    const signalsOf = new Map(signals.map((s) => [s.attempt_id, s]));
    const out: ResultRowDto[] = page.map(({ result, percent, rank }) => {
      const r = byId.get(result.id) as InviteResultRow;
      const scored = r.latest_state === 'submitted';
      const byTopic = scored && r.latest_attempt_id ? byTopicOf.get(r.latest_attempt_id) : null;
      const s = r.latest_attempt_id ? signalsOf.get(r.latest_attempt_id) : undefined;
      return {
        inviteId: r.id,
        attemptId: r.latest_attempt_id,
        name: r.name,
        email: r.email,
        status: result.status,
        version: r.version,
        rank,
        score: result.score,
        maxScore: result.maxScore,
        percent: percent === null ? null : Math.round(percent * 10) / 10,
        durationSeconds: result.durationSeconds,
        startedAt: r.started_at?.toISOString() ?? null,
        submittedAt: result.submittedAt,
        pendingGrading: result.pendingGrading ?? false,
        byTopic: byTopic ? topicsOf({ byTopic }) : [],
        signals: { pasteCount: s?.paste ?? 0, focusLostCount: s?.blur ?? 0, hiddenCount: s?.hidden ?? 0 },
      };
    });
    return { setId, topics: [...topics].sort(byName), rows: out, total: ranked.length, limit, offset };
  }

  async csv(userId: string, orgId: string, setId: string, query: ResultsQueryDto): Promise<string> {
    const results = await this.list(userId, orgId, setId, query);
    const header = [
      'rank', 'name', 'email', 'status', 'version', 'score', 'max_score', 'percent', 'duration_seconds', 'started_at', 'submitted_at',
      'pending_grading', 'paste_events', 'focus_lost', 'tab_hidden',
      ...results.topics.map((t) => `topic_${t}_percent`),
    ];
    const rows = results.rows.map((r) => [
      r.rank, r.name, r.email, r.status, r.version, r.score, r.maxScore, r.percent, r.durationSeconds, r.startedAt, r.submittedAt,
      r.pendingGrading, r.signals.pasteCount, r.signals.focusLostCount, r.signals.hiddenCount,
      ...results.topics.map((t) => r.byTopic.find((b) => b.topic === t)?.percent ?? null),
    ]);
    return toCsv(header, rows);
  }

  /** An attempt of this organization's candidates, or 404. */
  private async attemptRow(orgId: string, attemptId: string): Promise<ReportAttemptRow> {
    const row = await this.repo.reportAttempt(orgId, attemptId);
    if (!row) throw new AppError(ErrorCode.RESULT_NOT_FOUND, 'No such result.');
    return row;
  }

  async report(userId: string, orgId: string, attemptId: string): Promise<CandidateReportDto> {
    await this.orgs.requireMembership(userId, orgId);
    const a = await this.attemptRow(orgId, attemptId);
    const items = await this.repo.reportItems(attemptId, a.content_locale);
    // Code tasks: the candidate's final code is the response; the manager sees its verdicts and
    // the hidden tests, never the reference solution (a report is shared with hiring panels).
    const judged = items.some((row) => row.type === 'code-task')
      ? await this.judge.reviewDetails(attemptId, { hiddenTests: true, solution: false })
      : new Map<number, ReviewJudgeDto>();
    const events: SignalEvent[] = await this.repo.signalEvents(attemptId);
    const summary = summarizeIntegrity(
      events.map((e) => ({
        type: e.type,
        at: e.at.getTime(),
        ...(e.position !== null ? { position: e.position } : {}),
        ...(e.chars !== null ? { chars: e.chars } : {}),
        ...(e.durationMs > 0 ? { durationMs: e.durationMs } : {}),
      })),
      { endAt: (a.finished_at ?? this.clock.now()).getTime() },
    );
    const pastes = new Map(summary.pastesByPosition.map((p) => [p.position, p.count]));
    const submitted = a.state === 'submitted';
    const score = submitted ? num(a.score) : null;
    const maxScore = submitted ? num(a.max_score) : null;
    return {
      attemptId: a.id,
      inviteId: a.invite_id,
      name: a.name,
      email: a.email,
      setId: a.set_id,
      setTitle: a.title,
      version: a.version,
      state: a.state,
      startedAt: a.started_at.toISOString(),
      deadlineAt: a.deadline_at.toISOString(),
      submittedAt: a.submitted_at?.toISOString() ?? null,
      score,
      maxScore,
      percent: submitted ? (a.result?.percent ?? null) : null,
      durationSeconds: submitted ? (a.result?.timeTakenSeconds ?? null) : null,
      pendingGrading: submitted && (a.result?.pending ?? 0) > 0,
      byTopic: submitted ? topicsOf(a.result) : [],
      items: items.map((row) => {
        // The report reads in the language the candidate took the test in.
        const reviewed = mapReviewItem(row, a.content_locale);
        const judge = row.type === 'code-task' ? judged.get(row.position) : undefined;
        const key = reviewed.key as unknown as AnswerKey;
        return {
          ...reviewed,
          rubric: key.type === 'essay' ? key.rubric : null,
          manualGrade:
            row.mg_score !== null && row.mg_at
              ? { score: Number(row.mg_score), comment: row.mg_comment ?? '', gradedBy: row.mg_by, gradedAt: row.mg_at.toISOString() }
              : null,
          pasteCount: pastes.get(row.position) ?? 0,
          ...(judge ? { judge } : {}),
        };
      }),
      signals: {
        pasteCount: summary.pasteCount,
        pastedChars: summary.pastedChars,
        focusLostCount: summary.focusLostCount,
        focusLostMs: summary.focusLostMs,
        hiddenCount: summary.hiddenCount,
        hiddenMs: summary.hiddenMs,
        longestAwayMs: summary.longestAwayMs,
        any: summary.any,
        note: SIGNALS_NOTE,
      },
      events: events.map((e) => ({ type: e.type, at: e.at.toISOString(), position: e.position, chars: e.chars, durationMs: e.durationMs })),
    };
  }

  /** A person grades an essay against its rubric; the attempt's score and breakdowns are re-totalled. */
  async grade(userId: string, orgId: string, attemptId: string, position: number, body: GradeItemDto): Promise<CandidateReportDto> {
    await this.orgs.requireMembership(userId, orgId);
    await this.attemptRow(orgId, attemptId);
    await this.repo.transaction(async (tx) => {
      const attempt = await this.repo.lockAttempt(tx, attemptId);
      if (!attempt || attempt.state !== 'submitted' || !attempt.finished_at) {
        throw new AppError(ErrorCode.GRADE_REFUSED, 'Only a submitted attempt can be graded.');
      }
      const item = await this.repo.gradedItem(tx, attemptId, position);
      if (!item) throw new AppError(ErrorCode.ATTEMPT_ITEM_NOT_FOUND, `This attempt has no item ${position}.`);
      if (item.type !== 'essay') throw new AppError(ErrorCode.GRADE_REFUSED, 'Only essay items are graded by hand; the others are graded automatically.');
      const points = Number(item.points);
      if (body.score > points) {
        throw new AppError(ErrorCode.VALIDATION_FAILED, 'The request has invalid fields.', [{ field: 'score', message: `score must be at most ${points}` }]);
      }
      const now = this.clock.now();
      await this.repo.setAnswerScore(tx, attemptId, position, body.score, gradeStatus(body.score, points));
      await this.repo.upsertManualGrade(tx, { attemptId, position, score: body.score, comment: body.comment ?? '', gradedBy: userId, gradedAt: now });
      if (await retotalAttempt(tx, { id: attemptId, started_at: attempt.started_at, finished_at: attempt.finished_at })) {
        await this.webhooks.emitAttemptGraded(tx, attemptId);
      }
      await this.audit.record(tx, {
        orgId,
        actorId: userId,
        entity: 'attempt',
        entityId: attemptId,
        action: 'attempt.graded',
        detail: { position, from: num(item.score), to: body.score, points },
      });
    });
    return this.report(userId, orgId, attemptId);
  }

  async compare(userId: string, orgId: string, ids: readonly string[]): Promise<CompareResultsDto> {
    await this.orgs.requireMembership(userId, orgId);
    const unique = [...new Set(ids.map((i) => i.toLowerCase()))];
    const attempts: ReportAttemptRow[] = [];
    for (const id of unique) attempts.push(await this.attemptRow(orgId, id));
    const signals = await this.repo.signalCounts(unique);
    const cells = await this.repo.compareCells(unique);
    const questions = new Map<string, { questionId: string; title: string; topic: string }>();
    for (const c of cells) if (!questions.has(c.question_id)) questions.set(c.question_id, { questionId: c.question_id, title: c.title, topic: c.topic_id });
    const candidates = attempts.map((a) => {
      const submitted = a.state === 'submitted';
      const s = signals.find((x) => x.attempt_id === a.id);
      const counts: SignalCountsDto = { pasteCount: s?.paste ?? 0, focusLostCount: s?.blur ?? 0, hiddenCount: s?.hidden ?? 0 };
      return {
        attemptId: a.id,
        inviteId: a.invite_id,
        name: a.name,
        email: a.email,
        state: a.state,
        score: submitted ? num(a.score) : null,
        maxScore: submitted ? num(a.max_score) : null,
        percent: submitted ? (a.result?.percent ?? null) : null,
        durationSeconds: submitted ? (a.result?.timeTakenSeconds ?? null) : null,
        byTopic: submitted ? topicsOf(a.result) : [],
        signals: counts,
      };
    });
    return {
      candidates,
      topics: [...new Set(candidates.flatMap((c) => c.byTopic.map((t) => t.topic)))].sort(byName),
      questions: [...questions.values()].map((q) => ({
        ...q,
        cells: attempts.map((a) => {
          const c = cells.find((x) => x.attempt_id === a.id && x.question_id === q.questionId);
          const shown = c && a.state === 'submitted';
          return { attemptId: a.id, status: shown ? (c.status ?? 'unanswered') : null, score: shown ? num(c.score) : null, points: c ? Number(c.points) : null };
        }),
      })),
    };
  }
}
