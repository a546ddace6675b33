import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PageParams } from '../../http/query-params';
import { IsCalendarDate } from '../../http/validators';

export const TRANSFER_STATUSES = ['ORDERED', 'EXPORTED', 'SETTLED', 'RETURNED'] as const;

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
