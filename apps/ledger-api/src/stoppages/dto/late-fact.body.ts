import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { IsFreeText } from '../../http/free-text';
import type { StoppageKind } from '@ij/rules';
import { IsCalendarDate, OnlyForKinds } from '../../http/validators';

/** The kinds a requalification moves between (ij-rules §4, late facts). */
export const REQUALIFIABLE_KINDS: readonly StoppageKind[] = ['SICKNESS', 'OCCUPATIONAL_ACCIDENT', 'OCCUPATIONAL_DISEASE'];

export class RequalifyStoppageBody {
  @ApiProperty({ enum: REQUALIFIABLE_KINDS, example: 'OCCUPATIONAL_ACCIDENT' })
  @IsIn(REQUALIFIABLE_KINDS)
  kind!: StoppageKind;

  @ApiPropertyOptional({ example: '2025-06-01', description: 'occupational accident only: the day of the accident' })
  @IsOptional()
  @IsCalendarDate()
  @OnlyForKinds(['OCCUPATIONAL_ACCIDENT'])
  accidentDate?: string;

  @ApiProperty({ example: '2025-09-15', description: 'when the fund recognised (or refused) the occupational character' })
  @IsCalendarDate()
  recognizedOn!: string;
}

export class AnnulStoppageBody {
  @ApiProperty({ example: 'entered on the wrong policyholder', description: 'one line, trimmed, 1 to 500 characters, no control or bidi-override characters' })
  @IsFreeText(500)
  reason!: string;
}
