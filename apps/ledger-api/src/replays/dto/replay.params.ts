import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { IsCalendarDate } from '../../http/validators';

export class StartReplayBody {
  @ApiProperty({ example: '2026.2', description: 'a released rules version (GET /v1/rules)' })
  @IsString()
  @Length(1, 64)
  rulesVersion!: string;

  @ApiProperty({ example: '2025-12-31', description: 'entitlements through this date' })
  @IsCalendarDate()
  through!: string;
}

export const DIFF_FORMATS = ['json', 'csv'] as const;
export const MAX_DIFF_PAGE = 1_000;
export const DEFAULT_DIFF_PAGE = 100;

/** `?limit=&after=&all=&format=`: query strings are validated as text, then read (nothing converts implicitly). */
export class ReplayDiffParams {
  @ApiPropertyOptional({ description: `rows per page, 1–${MAX_DIFF_PAGE} (default ${DEFAULT_DIFF_PAGE}; JSON only)` })
  @IsOptional()
  @Matches(/^([1-9]\d{0,2}|1000)$/u, { message: `must be a whole number from 1 to ${MAX_DIFF_PAGE}` })
  limit?: string;

  @ApiPropertyOptional({ description: 'the `next` cursor of the previous page' })
  @IsOptional()
  @Matches(/^\d{1,15}$/u, { message: 'must be the next cursor of a previous page' })
  after?: string;

  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'also the rows the rules change does not move but a Regularize would settle' })
  @IsOptional()
  @IsIn(['true', 'false'])
  all?: 'true' | 'false';

  @ApiPropertyOptional({ enum: DIFF_FORMATS, default: 'json', description: 'csv: the whole diff as text/csv' })
  @IsOptional()
  @IsIn(DIFF_FORMATS)
  format?: (typeof DIFF_FORMATS)[number];
}
