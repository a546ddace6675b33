import { ApiProperty } from '@nestjs/swagger';
import { IsCalendarDate } from '../../http/validators';

export class StartPaymentRunBody {
  @ApiProperty({ example: '2025-11-30', description: 'settle every stoppage through this date (not after today)' })
  @IsCalendarDate()
  through!: string;
}
