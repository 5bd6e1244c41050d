import { Body, Controller, Get, Header, Param, Put, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, TokenScope } from '../../common/auth/decorators';
import type { AuthUser } from '../../common/auth/decorators';
import { ErrorBodyDto } from '../../common/errors/error-body.dto';
import { ApiNotFoundFor } from '../../common/http/api-not-found-for';
import { pageWindow } from '../../common/http/paging';
import { uuidPipe } from '../../common/http/uuid.pipe';
import { IntParam } from '../../common/http/int';
import {
  CandidateReportDto,
  CompareQueryDto,
  CompareResultsDto,
  GradeItemDto,
  RESULTS_PAGE,
  ResultsPageQueryDto,
  ResultsQueryDto,
  SetResultsPageDto,
  SetVersionStatisticsDto,
} from './dto/results.dto';
import { ResultsService } from './results.service';
import { SetStatisticsService } from './set-statistics.service';

@ApiTags('results')
@Roles('manager', 'admin')
@ApiForbiddenResponse({ type: ErrorBodyDto, description: 'FORBIDDEN for learners' })
@ApiNotFoundFor({ orgId: 'ORGANIZATION_NOT_FOUND for non-members', setId: 'QUESTION_SET_NOT_FOUND', attemptId: 'RESULT_NOT_FOUND' })
@Controller('orgs/:orgId')
export class ResultsController {
  constructor(
    private readonly results: ResultsService,
    private readonly setStatistics: SetStatisticsService,
  ) {}

  @Get('sets/:setId/results')
  @TokenScope('results:read')
  @ApiOperation({ summary: 'Candidates of a set with status, score, time and per-topic breakdown; ranked, sortable, filterable' })
  @ApiOkResponse({ type: SetResultsPageDto })
  @ApiBadRequestResponse({ type: ErrorBodyDto, description: `VALIDATION_FAILED (limit above ${RESULTS_PAGE.max})` })
  list(
    @CurrentUser() user: AuthUser,
    @Param('orgId', uuidPipe) orgId: string,
    @Param('setId', uuidPipe) setId: string,
    @Query() query: ResultsPageQueryDto,
  ): Promise<SetResultsPageDto> {
    const { limit, offset, ...filters } = query;
    return this.results.list(user.id, orgId, setId, filters, pageWindow({ limit, offset }, RESULTS_PAGE.default));
  }

  @Get('sets/:setId/results.csv')
  @TokenScope('results:read')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="results.csv"')
  @ApiProduces('text/csv')
  @ApiOperation({ summary: 'The results table as CSV (RFC 4180; spreadsheet formulas neutralised)' })
  @ApiOkResponse({ schema: { type: 'string' } })
  csv(
    @CurrentUser() user: AuthUser,
    @Param('orgId', uuidPipe) orgId: string,
    @Param('setId', uuidPipe) setId: string,
    @Query() query: ResultsQueryDto,
  ): Promise<string> {
    return this.results.csv(user.id, orgId, setId, query);
  }

  @Get('sets/:setId/versions/:version/statistics')
  @TokenScope('results:read')
  @ApiOperation({ summary: "Item analysis of a published version (Moodle's facility, discrimination, CIC...), over fully graded submitted attempts" })
  @ApiOkResponse({ type: SetVersionStatisticsDto })
  @ApiNotFoundResponse({ type: ErrorBodyDto, description: 'SET_VERSION_NOT_FOUND (no such published version)' })
  statistics(
    @CurrentUser() user: AuthUser,
    @Param('orgId', uuidPipe) orgId: string,
    @Param('setId', uuidPipe) setId: string,
    @IntParam('version', { min: 1 }) version: number,
  ): Promise<SetVersionStatisticsDto> {
    return this.setStatistics.statistics(user.id, orgId, setId, version);
  }

  @Get('results/compare')
  @TokenScope('results:read')
  @ApiOperation({ summary: 'Candidates side by side: totals, topics, and each question' })
  @ApiOkResponse({ type: CompareResultsDto })
  @ApiBadRequestResponse({ type: ErrorBodyDto, description: 'VALIDATION_FAILED' })
  @ApiNotFoundResponse({ type: ErrorBodyDto, description: 'RESULT_NOT_FOUND (any of the ids)' })
  compare(@CurrentUser() user: AuthUser, @Param('orgId', uuidPipe) orgId: string, @Query() query: CompareQueryDto): Promise<CompareResultsDto> {
    return this.results.compare(user.id, orgId, query.ids.split(','));
  }

  @Get('results/:attemptId')
  @TokenScope('results:read')
  @ApiOperation({ summary: "A candidate's full report: every answer with key and correctness, time per item, integrity signals (not proof)" })
  @ApiOkResponse({ type: CandidateReportDto })
  report(@CurrentUser() user: AuthUser, @Param('orgId', uuidPipe) orgId: string, @Param('attemptId', uuidPipe) attemptId: string): Promise<CandidateReportDto> {
    return this.results.report(user.id, orgId, attemptId);
  }

  @Put('results/:attemptId/items/:position/grade')
  @ApiOperation({ summary: 'Grade an essay against its rubric; the total is re-computed; audited' })
  @ApiOkResponse({ type: CandidateReportDto })
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'GRADE_REFUSED (not an essay, not submitted)' })
  grade(
    @CurrentUser() user: AuthUser,
    @Param('orgId', uuidPipe) orgId: string,
    @Param('attemptId', uuidPipe) attemptId: string,
    @IntParam('position', { min: 1 }) position: number,
    @Body() body: GradeItemDto,
  ): Promise<CandidateReportDto> {
    return this.results.grade(user.id, orgId, attemptId, position, body);
  }
}
