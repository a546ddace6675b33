import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsInt, IsOptional, IsString, Length, Max, Min, ValidateNested } from 'class-validator';
import { IsFreeText } from '../../http/free-text';
import { IsCalendarDate, IsYearMonth, MAX_AMOUNT_CENTS } from '../../http/validators';

export class ExtendStoppageBody {
  @ApiProperty({ example: '2025-07-15' })
  @IsCalendarDate()
  newEndDate!: string;

  @ApiPropertyOptional({ example: '2025-06-28' })
  @IsOptional()
  @IsCalendarDate()
  prescribedOn?: string;
}

export class EndStoppageEarlyBody {
  @ApiProperty({ example: '2025-06-20', description: 'the last day of incapacity (the person returns to work the day after)' })
  @IsCalendarDate()
  lastDay!: string;
}

export class MonthlySalaryBody {
  @ApiProperty({ example: '2025-05' })
  @IsYearMonth()
  month!: string;

  @ApiProperty({ example: 200000, description: 'gross salary of the month, in cents (0 allowed: a month without pay)' })
  @IsInt()
  @Min(0)
  @Max(MAX_AMOUNT_CENTS)
  grossCents!: number;
}

export class RecordSalaryCertificateBody {
  @ApiProperty({ type: [MonthlySalaryBody] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(12)
  @ValidateNested({ each: true })
  @Type(() => MonthlySalaryBody)
  salaries!: MonthlySalaryBody[];
}

export class IssueAdvanceBody {
  @ApiProperty({ example: 30000 })
  @IsInt()
  @Min(1)
  @Max(MAX_AMOUNT_CENTS)
  amountCents!: number;

  @ApiProperty({ example: 'salary certificate not received yet', description: 'one line, trimmed, 1 to 500 characters, no control or bidi-override characters' })
  @IsFreeText(500)
  reason!: string;
}

export class RegularizeBody {
  @ApiProperty({ example: '2025-06-29', description: 'settle the entitlement through this date' })
  @IsCalendarDate()
  through!: string;
}

export class RecordRecoveryBody {
  @ApiProperty({ example: 5000 })
  @IsInt()
  @Min(1)
  @Max(MAX_AMOUNT_CENTS)
  amountCents!: number;
}

export class ActivateRulesVersionBody {
  @ApiProperty({ example: '2026.2' })
  @IsString()
  @Length(1, 64)
  version!: string;
}
