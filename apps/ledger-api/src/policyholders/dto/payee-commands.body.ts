import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches, ValidateIf } from 'class-validator';
import { IsFreeText } from '../../http/free-text';
import { IsCalendarDate, IsIban, IsNotBefore } from '../../http/validators';

/** ISO 9362: 4 letters (bank), 2 (country), 2 letters or digits (location), optionally 3 (branch). */
const BIC_SHAPE = /^[A-Z]{6}[A-Z0-9]{2}(?:[A-Z0-9]{3})?$/u;

export class RecordBankAccountBody {
  @ApiProperty({ example: 'FR76 3000 6000 0112 3456 7890 189', description: 'ISO 13616 check digits and the country length (FR: 27); spaces allowed' })
  @IsIban()
  iban!: string;

  @ApiPropertyOptional({ example: 'AGRIFRPP' })
  @IsOptional()
  @Matches(BIC_SHAPE, { message: 'bic must be 8 or 11 capital letters or digits (ISO 9362)' })
  bic?: string;

  @ApiProperty({ example: 'Camille Martin', description: 'one line, trimmed, 1 to 70 characters, no control or bidi-override characters' })
  @IsFreeText(70)
  holderName!: string;
}

export class RecordSubrogationBody {
  @ApiProperty({ example: 'siret-12345678900017', description: "the employer's identifier (e.g. its SIRET)" })
  @IsFreeText(64)
  employerId!: string;

  @ApiProperty({ example: '2025-06-10', description: 'first day whose allowance is paid to the employer' })
  @IsCalendarDate()
  from!: string;

  @ApiProperty({ example: '2025-06-29', description: 'last day whose allowance is paid to the employer' })
  @IsCalendarDate()
  @IsNotBefore('from')
  to!: string;

  @ApiPropertyOptional({ description: "the employer's IBAN: required the first time this employer is subrogated for the policyholder" })
  @IsOptional()
  @IsIban()
  employerIban?: string;

  @ApiPropertyOptional({ example: 'BNPAFRPP' })
  @IsOptional()
  @Matches(BIC_SHAPE, { message: 'employerBic must be 8 or 11 capital letters or digits (ISO 9362)' })
  employerBic?: string;

  @ApiPropertyOptional({ example: 'Ateliers Durand SARL', description: 'the account holder; required with employerIban' })
  @ValidateIf((body: RecordSubrogationBody) => body.employerIban !== undefined || body.employerName !== undefined)
  @IsFreeText(70)
  employerName?: string;
}
