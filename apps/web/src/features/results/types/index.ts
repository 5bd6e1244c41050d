import type { Schemas } from '@/lib/api-client';

export type SetResults = Schemas['SetResultsPageDto'];
export type ResultRow = Schemas['ResultRowDto'];
export type ResultTopic = Schemas['ResultTopicDto'];
export type CandidateReport = Schemas['CandidateReportDto'];
export type ReportItem = Schemas['ReportItemDto'];
export type IntegritySummary = Schemas['IntegritySummaryDto'];
export type CompareResults = Schemas['CompareResultsDto'];
export type SetVersionStatistics = Schemas['SetVersionStatisticsDto'];
export type ItemStatistics = Schemas['ItemStatisticsDto'];
export type StatValue = Schemas['StatValueDto'];
export type GradeInput = Schemas['GradeItemDto'];
