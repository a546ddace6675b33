import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { IsCalendarDate, IsNir } from '../../http/validators';

/** `?through=YYYY-MM-DD`: amounts through this date, today (Europe/Paris) when absent. */
export class ThroughParams {
  @ApiPropertyOptional({ example: '2025-06-30', description: 'compute through this date (default: today)' })
  @IsOptional()
  @IsCalendarDate()
  through?: string;
}

export class EntitlementParams extends ThroughParams {
  @ApiPropertyOptional({ example: '2026.1', description: 'any released rules version (default: the active one)' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  rulesVersion?: string;
}

export const BACKLOG_FORMATS = ['json', 'csv'] as const;

export class BacklogParams extends ThroughParams {
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
