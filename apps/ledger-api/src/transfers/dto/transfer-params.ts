import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { IsCalendarDate } from '../../http/validators';

export const TRANSFER_STATUSES = ['ORDERED', 'EXPORTED', 'SETTLED', 'RETURNED'] as const;

/** `?after=&limit=`: pages of transfers; `after` is the `next` of the page before. */
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

export class TransferListParams extends PageParams {
  @ApiPropertyOptional({ enum: TRANSFER_STATUSES })
  @IsOptional()
  @IsIn(TRANSFER_STATUSES)
  status?: (typeof TRANSFER_STATUSES)[number];

  @ApiPropertyOptional({ example: '2025-06-01', description: 'ordered on or after' })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({ example: '2025-06-30', description: 'ordered on or before' })
  @IsOptional()
  @IsCalendarDate()
  to?: string;
}

export const DEFAULT_PAGE_SIZE = 100;

export function pageSizeOf(params: PageParams): number {
  return params.limit === undefined ? DEFAULT_PAGE_SIZE : Number(params.limit);
}
