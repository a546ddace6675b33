import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsUUID, Max, Min, ValidateIf, ValidateNested } from 'class-validator';
import { STOPPAGE_KINDS, type StoppageKind } from '@ij/rules';
import { IsFreeText } from '../../http/free-text';
import { IsCalendarDate, IsNir, IsNotBefore, IsSiret, MAX_AMOUNT_CENTS, OnlyForKinds } from '../../http/validators';

const OCCUPATIONAL: readonly StoppageKind[] = ['OCCUPATIONAL_ACCIDENT', 'OCCUPATIONAL_DISEASE'];

export class AldBody {
  @ApiProperty({ example: 'ALD-30', description: 'the long-term illness affection' })
  @IsFreeText(64)
  affectionId!: string;
}

export class OpenStoppageBody {
  @ApiProperty({ format: 'uuid', example: '6f1c1d7e-7a43-4c55-9a49-2d0c7e0b1a01' })
  @IsUUID()
  stoppageId!: string;

  @ApiProperty({ example: '185057800608436', description: 'NIR: 13 characters + 2-digit key; sent only in bodies, never in URLs' })
  @IsNir()
  nir!: string;

  @ApiProperty({ enum: STOPPAGE_KINDS, example: 'SICKNESS' })
  @IsIn(STOPPAGE_KINDS)
  kind!: StoppageKind;

  @ApiProperty({ example: '2025-06-10' })
  @IsCalendarDate()
  startDate!: string;

  @ApiProperty({ example: '2025-06-29' })
  @IsCalendarDate()
  @IsNotBefore('startDate')
  endDate!: string;

  @ApiPropertyOptional({ example: '2025-06-10' })
  @IsOptional()
  @IsCalendarDate()
  prescribedOn?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'the stoppage this one prolongs' })
  @IsOptional()
  @IsUUID()
  prolongationOf?: string;

  @ApiPropertyOptional({ type: AldBody })
  @IsOptional()
  @ValidateNested()
  @Type(() => AldBody)
  ald?: AldBody;

  @ApiPropertyOptional({ example: '2025-06-10', description: 'occupational stoppages only' })
  @IsOptional()
  @IsCalendarDate()
  @OnlyForKinds(OCCUPATIONAL)
  accidentDate?: string;

  @ApiPropertyOptional({ example: 2500, description: 'therapeutic part-time only, and required for it: the declared daily loss of earnings' })
  @ValidateIf((body: OpenStoppageBody) => body.kind === 'THERAPEUTIC_PART_TIME' || body.dailyLossOfEarningsCents !== undefined)
  @IsInt()
  @Min(1)
  @Max(MAX_AMOUNT_CENTS)
  @OnlyForKinds(['THERAPEUTIC_PART_TIME'])
  dailyLossOfEarningsCents?: number;

  @ApiPropertyOptional({ example: '73282932000074', description: "the employer's SIRET (14 digits, Luhn checked): who owes the salary certificate and may be subrogated" })
  @IsOptional()
  @IsSiret()
  employerId?: string;
}
