import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  itemStatistics,
  rankResults,
  setStatistics,
  summarizeIntegrity,
  toCsv,
  type AnswerKey,
  type AttemptResult,
  type AttemptState,
  type CandidateResult,
  type CandidateStatus,
  type IntegrityEventType,
  type StatsAttempt,
} from '@goprep/domain';
import { AppError } from '../../common/errors/app-error';
import { ErrorCode } from '../../common/errors/error-codes';
import { ITEMS_WITH_ANSWERS } from '../attempts/attempt-rows';
import { retotalAttempt } from '../attempts/attempt-totals';
import { mapReviewItem, type ReviewItemRow } from '../attempts/attempt.mappers';
import { ITEM_COLUMNS } from '../attempts/attempts.service';
import type { ContentLocale } from '../../common/i18n/content-locale';
import { Clock } from '../attempts/clock';
import { TRANSLATION_COLUMNS, TRANSLATION_REVIEW_COLUMNS, translationJoin } from '../questions/translated-text';
import { AuditService } from '../audit/audit.service';
import { factsOf, INVITE_COLUMNS, INVITE_FROM, type InviteRow } from '../invites/invite-rows';
import { inviteStatus } from '../invites/invite-status';
import { InvitesService } from '../invites/invites.service';
import type { ReviewJudgeDto } from '../judge/dto/judge.dto';
import { JudgeService } from '../judge/judge.service';
import { OrganizationsService } from '../organizations/organizations.service';
import { QuestionSetsService } from '../question-sets/question-sets.service';
import {
  CandidateReportDto,
  CompareResultsDto,
  GradeItemDto,
  ResultRowDto,
  ResultsQueryDto,
  SetResultsDto,
  SetVersionStatisticsDto,
  SignalCountsDto,
} from './dto/results.dto';
import { gradeStatus, topicsOf } from './result-rows';

export const SIGNALS_NOTE =
  'Signals are what the browser reported (pasting, leaving the tab). They have innocent explanations and are not proof of anything.';

/** An invite with its newest attempt's result, for the results table. */
interface ResultSourceRow extends InviteRow {
  started_at: Date | null;
  submitted_at: Date | null;
  score: string | null;
  max_score: string | null;
  result: AttemptResult | null;
  paste_count: number;
  blur_count: number;
  hidden_count: number;
}

/** The attempt a report is about, with its invite. */
interface ReportAttemptRow {
  id: string;
  invite_id: string;
  state: AttemptState;
  content_locale: ContentLocale;
  started_at: Date;
  deadline_at: Date;
  submitted_at: Date | null;
  finished_at: Date | null;
  score: string | null;
  max_score: string | null;
  result: AttemptResult | null;
  title: string;
  name: string;
  email: string;
  set_id: string;
  version: number;
}

const byName = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const num = (v: string | null): number | null => (v === null ? null : Number(v));

@Injectable()
export class ResultsService {
  constructor(
    private readonly db: DataSource,
    private readonly orgs: OrganizationsService,
    private readonly invites: InvitesService,
    private readonly sets: QuestionSetsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly judge: JudgeService,
  ) {}

  async list(userId: string, orgId: string, setId: string, query: ResultsQueryDto): Promise<SetResultsDto> {
    await this.orgs.requireMembership(userId, orgId);
    await this.invites.requireSet(orgId, setId);
    const rows: ResultSourceRow[] = await this.db.query(
      `SELECT ${INVITE_COLUMNS}, a.started_at, a.submitted_at, a.score, a.max_score, a.result,
              (SELECT count(*) FILTER (WHERE s.kind = 'paste')::int FROM attempt_signals s WHERE s.attempt_id = la.id) AS paste_count,
              (SELECT count(*) FILTER (WHERE s.kind = 'blur')::int FROM attempt_signals s WHERE s.attempt_id = la.id) AS blur_count,
              (SELECT count(*) FILTER (WHERE s.kind = 'hidden')::int FROM attempt_signals s WHERE s.attempt_id = la.id) AS hidden_count
         FROM ${INVITE_FROM} LEFT JOIN attempts a ON a.id = la.id
        WHERE ci.org_id = $1 AND ci.set_id = $2`,
      [orgId, setId],
    );
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
        durationSeconds: scored && r.result ? r.result.timeTakenSeconds : null,
        submittedAt: scored ? (r.submitted_at?.toISOString() ?? null) : null,
        pendingGrading: scored && (r.result?.pending ?? 0) > 0,
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
    const out: ResultRowDto[] = ranked.map(({ result, percent, rank }) => {
      const r = byId.get(result.id) as ResultSourceRow;
      const scored = r.latest_state === 'submitted';
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
        byTopic: scored ? topicsOf(r.result) : [],
        signals: { pasteCount: r.paste_count ?? 0, focusLostCount: r.blur_count ?? 0, hiddenCount: r.hidden_count ?? 0 },
      };
    });
    const topics = [...new Set(out.flatMap((r) => r.byTopic.map((t) => t.topic)))].sort(byName);
    return { setId, topics, rows: out };
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
    const [row] = (await this.db.query(
      `SELECT a.id, a.invite_id, a.state, a.started_at, a.deadline_at, a.submitted_at, a.finished_at, a.score, a.max_score, a.result,
              a.content_locale, a.config->>'title' AS title, ci.name, ci.email, ci.set_id, sv.version
         FROM attempts a
         JOIN candidate_invites ci ON ci.id = a.invite_id
         JOIN question_set_versions sv ON sv.id = a.set_version_id
        WHERE a.id = $1 AND ci.org_id = $2`,
      [attemptId, orgId],
    )) as ReportAttemptRow[];
    if (!row) throw new AppError(ErrorCode.RESULT_NOT_FOUND, 'No such result.');
    return row;
  }

  async report(userId: string, orgId: string, attemptId: string): Promise<CandidateReportDto> {
    await this.orgs.requireMembership(userId, orgId);
    const a = await this.attemptRow(orgId, attemptId);
    const items: Array<ReviewItemRow & { mg_score: string | null; mg_comment: string | null; mg_by: string | null; mg_at: Date | null }> =
      await this.db.query(
        `SELECT ${ITEM_COLUMNS}, v.answer_key, v.explanation, v."references", an.score, an.status, ${TRANSLATION_COLUMNS}, ${TRANSLATION_REVIEW_COLUMNS},
                mg.score AS mg_score, mg.comment AS mg_comment, u.display_name AS mg_by, mg.graded_at AS mg_at
           FROM ${ITEMS_WITH_ANSWERS}
           ${translationJoin('$2')}
           LEFT JOIN manual_grades mg ON mg.attempt_id = i.attempt_id AND mg.position = i.position
           LEFT JOIN users u ON u.id = mg.graded_by
          WHERE i.attempt_id = $1 ORDER BY i.position`,
        [attemptId, a.content_locale],
      );
    // Code tasks: the candidate's final code is the response; the manager sees its verdicts and
    // the hidden tests, never the reference solution (a report is shared with hiring panels).
    const judged = items.some((row) => row.type === 'code-task')
      ? await this.judge.reviewDetails(attemptId, { hiddenTests: true, solution: false })
      : new Map<number, ReviewJudgeDto>();
    const events = await this.events(attemptId);
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

  private async events(
    attemptId: string,
  ): Promise<Array<{ type: IntegrityEventType; at: Date; position: number | null; chars: number | null; durationMs: number }>> {
    const rows: Array<{ kind: IntegrityEventType; occurred_at: Date; position: number | null; chars: number | null; duration_ms: number }> =
      await this.db.query(
        `SELECT kind, occurred_at, position, chars, duration_ms FROM attempt_signals WHERE attempt_id = $1 ORDER BY occurred_at, id`,
        [attemptId],
      );
    return rows.map((r) => ({ type: r.kind, at: r.occurred_at, position: r.position, chars: r.chars, durationMs: r.duration_ms }));
  }

  /** A person grades an essay against its rubric; the attempt's score and breakdowns are re-totalled. */
  async grade(userId: string, orgId: string, attemptId: string, position: number, body: GradeItemDto): Promise<CandidateReportDto> {
    await this.orgs.requireMembership(userId, orgId);
    await this.attemptRow(orgId, attemptId);
    await this.db.transaction(async (tx) => {
      const [attempt] = (await tx.query(`SELECT state, started_at, finished_at FROM attempts WHERE id = $1 FOR UPDATE`, [attemptId])) as Array<{
        state: AttemptState;
        started_at: Date;
        finished_at: Date | null;
      }>;
      if (!attempt || attempt.state !== 'submitted' || !attempt.finished_at) {
        throw new AppError(ErrorCode.GRADE_REFUSED, 'Only a submitted attempt can be graded.');
      }
      const [item] = (await tx.query(
        `SELECT v.type, i.points, an.score FROM ${ITEMS_WITH_ANSWERS}
          WHERE i.attempt_id = $1 AND i.position = $2`,
        [attemptId, position],
      )) as Array<{ type: string; points: string; score: string | null }>;
      if (!item) throw new AppError(ErrorCode.ATTEMPT_ITEM_NOT_FOUND, `This attempt has no item ${position}.`);
      if (item.type !== 'essay') throw new AppError(ErrorCode.GRADE_REFUSED, 'Only essay items are graded by hand; the others are graded automatically.');
      const points = Number(item.points);
      if (body.score > points) {
        throw new AppError(ErrorCode.VALIDATION_FAILED, 'The request has invalid fields.', [{ field: 'score', message: `score must be at most ${points}` }]);
      }
      const now = this.clock.now();
      await tx.query(`UPDATE answers SET score = $3, status = $4 WHERE attempt_id = $1 AND position = $2`, [
        attemptId,
        position,
        body.score,
        gradeStatus(body.score, points),
      ]);
      await tx.query(
        `INSERT INTO manual_grades (attempt_id, position, score, comment, graded_by, graded_at) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (attempt_id, position) DO UPDATE SET score = EXCLUDED.score, comment = EXCLUDED.comment, graded_by = EXCLUDED.graded_by, graded_at = EXCLUDED.graded_at`,
        [attemptId, position, body.score, body.comment ?? '', userId, now],
      );
      await retotalAttempt(tx, { id: attemptId, started_at: attempt.started_at, finished_at: attempt.finished_at });
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
    const signals: Array<{ attempt_id: string; paste: number; blur: number; hidden: number }> = await this.db.query(
      `SELECT attempt_id, count(*) FILTER (WHERE kind = 'paste')::int AS paste, count(*) FILTER (WHERE kind = 'blur')::int AS blur,
              count(*) FILTER (WHERE kind = 'hidden')::int AS hidden
         FROM attempt_signals WHERE attempt_id = ANY($1::uuid[]) GROUP BY attempt_id`,
      [unique],
    );
    const cells: Array<{ attempt_id: string; question_id: string; title: string; topic_id: string; status: string | null; score: string | null; points: string }> =
      await this.db.query(
        `SELECT i.attempt_id, v.question_id, v.title, v.topic_id, an.status, an.score, i.points
           FROM ${ITEMS_WITH_ANSWERS}
          WHERE i.attempt_id = ANY($1::uuid[]) ORDER BY i.position`,
        [unique],
      );
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

  /**
   * Moodle's item analysis over the submitted attempts of one published version (fully graded ones),
   * answered from the stored snapshot while its fingerprint still matches (see the migration
   * 1764400000000-SetVersionStatistics), else computed and stored.
   */
  async statistics(userId: string, orgId: string, setId: string, version: number): Promise<SetVersionStatisticsDto> {
    await this.orgs.requireMembership(userId, orgId);
    const published = await this.sets.loadPublishedVersion(orgId, setId, version);
    return this.snapshotOrCompute(this.db.manager, published.id, setId, published.version);
  }

  /** What changes when a submission arrives or a score changes; read from the covering index. */
  async statisticsFingerprint(db: EntityManager, versionId: string): Promise<string> {
    const [row] = (await db.query(
      `SELECT count(*)::text || '|' || coalesce(max(finished_at)::text, '') || '|' || coalesce(sum(score)::text, '') AS fp
         FROM attempts WHERE set_version_id = $1 AND state = 'submitted' AND NOT beyond_allowance`,
      [versionId],
    )) as Array<{ fp: string }>;
    return row?.fp ?? '';
  }

  /**
   * The stored snapshot if its fingerprint matches; else computes, stores and returns. The
   * generation is read before anything is computed and the snapshot is only written over that
   * generation, so a grade committed meanwhile (which bumps it) wins.
   */
  async snapshotOrCompute(db: EntityManager, versionId: string, setId: string, version: number): Promise<SetVersionStatisticsDto> {
    const [stored] = (await db.query(`SELECT fingerprint, generation, statistics FROM set_version_statistics WHERE set_version_id = $1`, [versionId])) as Array<{
      fingerprint: string | null;
      generation: string;
      statistics: SetVersionStatisticsDto;
    }>;
    const fingerprint = await this.statisticsFingerprint(db, versionId);
    if (stored && stored.fingerprint === fingerprint) return stored.statistics;
    const computed = await this.computeStatistics(db, versionId, setId, version);
    await db.query(
      `INSERT INTO set_version_statistics (set_version_id, fingerprint, generation, statistics, computed_at) VALUES ($1, $2, $3, $4, now())
       ON CONFLICT (set_version_id) DO UPDATE SET fingerprint = EXCLUDED.fingerprint, statistics = EXCLUDED.statistics, computed_at = EXCLUDED.computed_at
        WHERE set_version_statistics.generation = EXCLUDED.generation`,
      [versionId, fingerprint, stored?.generation ?? '0', JSON.stringify(computed)],
    );
    return computed;
  }

  /** The item analysis computed from the attempts, as before snapshots existed. */
  async computeStatistics(db: EntityManager, versionId: string, setId: string, version: number): Promise<SetVersionStatisticsDto> {
    const rows: Array<{ attempt_id: string; total: string; max_total: string; position: number; version_id: string; score: string | null; points: string; pending: boolean }> =
      await db.query(
        `SELECT a.id AS attempt_id, a.score AS total, a.max_score AS max_total, i.position, i.question_version_id AS version_id, an.score, i.points,
                EXISTS (SELECT 1 FROM answers p WHERE p.attempt_id = a.id AND p.status = 'pending') AS pending
           FROM attempts a JOIN attempt_items i ON i.attempt_id = a.id
           LEFT JOIN answers an ON an.attempt_id = i.attempt_id AND an.position = i.position
          WHERE a.set_version_id = $1 AND a.state = 'submitted' AND NOT a.beyond_allowance
          ORDER BY a.id, i.position`,
        [versionId],
      );
    const attempts = new Map<string, StatsAttempt & { items: StatsAttempt['items'][number][] }>();
    const pending = new Set<string>();
    for (const r of rows) {
      if (r.pending) {
        pending.add(r.attempt_id);
        continue;
      }
      const a = attempts.get(r.attempt_id) ?? { attemptId: r.attempt_id, score: Number(r.total), maxScore: Number(r.max_total), items: [] };
      a.items.push({ slot: r.position, questionKey: r.version_id, score: r.score === null ? 0 : Number(r.score), max: Number(r.points) });
      attempts.set(r.attempt_id, a);
    }
    const input = { attempts: [...attempts.values()] };
    const items = itemStatistics(input);
    const meta: Array<{ id: string; question_id: string; title: string; topic_id: string }> = items.length
      ? await db.query(`SELECT id, question_id, title, topic_id FROM question_versions WHERE id = ANY($1::uuid[])`, [items.map((i) => i.key)])
      : [];
    return {
      setId,
      version,
      excludedPending: pending.size,
      set: setStatistics(input),
      items: items.map((i) => {
        const m = meta.find((x) => x.id === i.key);
        return { ...i, questionId: m?.question_id ?? '', title: m?.title ?? '', topic: m?.topic_id ?? '' };
      }),
    };
  }
}

