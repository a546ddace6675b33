import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { IsCalendarDate, IsNir, IsNotBefore } from './validators';
import { STATEMENT_FORMATS } from '@ij/application';

/** `?through=YYYY-MM-DD`: amounts through this date, today (Europe/Paris) when absent. */
export class ThroughParams {
  @ApiPropertyOptional({ example: '2025-06-30', description: 'compute through this date (default: today)' })
  @IsOptional()
  @IsCalendarDate()
  through?: string;
}

/** `?after=&limit=`: one page of a long list; `after` is the `next` of the page before. */
export class PageParams {
  @ApiPropertyOptional({ description: 'the `next` cursor of the previous page' })
  @IsOptional()
  @IsString()
  @Length(1, 512)
  after?: string;

  @ApiPropertyOptional({ example: '100', description: '1 to 1000 (default 100)' })
  @IsOptional()
  @Matches(/^(?:[1-9]\d{0,2}|1000)$/u, { message: 'limit must be a whole number from 1 to 1000' })
  limit?: string;
}

export const DEFAULT_PAGE_SIZE = 100;

export function pageSizeOf(params: PageParams): number {
  return params.limit === undefined ? DEFAULT_PAGE_SIZE : Number(params.limit);
}

export class EntitlementParams extends ThroughParams {
  @ApiPropertyOptional({ example: '2026.1', description: 'any released rules version (default: the active one)' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  rulesVersion?: string;
}

export const BACKLOG_FORMATS = ['json', 'csv'] as const;

/** The backlog: `?through=`, a page of its rows (`?after=&limit=`), and `?format=csv` for every row as a file. */
export class BacklogParams extends IntersectionType(ThroughParams, PageParams) {
  @ApiPropertyOptional({ enum: BACKLOG_FORMATS, default: 'json' })
  @IsOptional()
  @IsIn(BACKLOG_FORMATS)
  format?: (typeof BACKLOG_FORMATS)[number];
}

/** The NIR travels in a body, never in a URL: the lookup is a POST although it changes nothing. */
export class SearchPolicyholderBody {
  @ApiProperty({ example: '185057800608436' })
  @IsNir()
  nir!: string;
}

/** `/v1/policyholders/{policyholderId}/statements/{year}`: a calendar year from 2000 to 2100. */
export class StatementPathParams {
  @IsString()
  @Length(1, 128)
  policyholderId!: string;

  @ApiProperty({ example: '2026' })
  @Matches(/^(20\d\d|2100)$/u, { message: 'year must be a year from 2000 to 2100' })
  year!: string;
}


export class StatementParams {
  @ApiPropertyOptional({ enum: STATEMENT_FORMATS, default: 'json' })
  @IsOptional()
  @IsIn(STATEMENT_FORMATS)
  format?: (typeof STATEMENT_FORMATS)[number];
}

/** Most history entries in one answer (issue 21: bound every answer's size). */
export const MAX_HISTORY_PAGE = 1_000;

/** `?after=REVISION&limit=N` on the history: the entries after a revision, at most `limit` (default and maximum 1 000). */
export class HistoryParams {
  @ApiPropertyOptional({ description: 'answer the entries after this revision (the previous page\'s Ledger-History-Next header)' })
  @IsOptional()
  @Matches(/^(0|[1-9]\d{0,8})$/u, { message: 'must be a revision: a whole number from 0' })
  after?: string;

  @ApiPropertyOptional({ description: `entries per answer, 1–${MAX_HISTORY_PAGE} (default ${MAX_HISTORY_PAGE})` })
  @IsOptional()
  @Matches(/^([1-9]\d{0,2}|1000)$/u, { message: `must be a whole number from 1 to ${MAX_HISTORY_PAGE}` })
  limit?: string;
}

/** `?from=&to=`: the payable days of this window (to: today when absent; from: 90 days ending at to when absent). */
export class TimelinessParams {
  @ApiPropertyOptional({ example: '2026-01-01', description: 'first payable day of the window (default: 89 days before to)' })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({ example: '2026-10-31', description: 'last payable day of the window (default: today)' })
  @IsOptional()
  @IsCalendarDate()
  @IsNotBefore('from')
  to?: string;
}

export const MISSING_CERTIFICATE_FORMATS = ['json', 'csv', 'pdf'] as const;

/** `?olderThan=DAYS`: stoppages started at least that many days ago (default 0: all); `?format=json|csv|pdf`. */
export class MissingCertificatesParams {
  @ApiPropertyOptional({ example: '30', description: 'only stoppages that started at least this many days ago (0 to 3650, default 0)' })
  @IsOptional()
  @Matches(/^(0|[1-9]\d{0,2}|[1-2]\d{3}|3[0-5]\d\d|36[0-4]\d|3650)$/u, { message: 'olderThan must be a whole number of days from 0 to 3650' })
  olderThan?: string;

  @ApiPropertyOptional({ enum: MISSING_CERTIFICATE_FORMATS, default: 'json' })
  @IsOptional()
  @IsIn(MISSING_CERTIFICATE_FORMATS)
  format?: (typeof MISSING_CERTIFICATE_FORMATS)[number];
}
