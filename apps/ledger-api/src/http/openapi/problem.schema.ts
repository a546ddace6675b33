import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import type { FieldError, Problem } from '../problem';
import { OpenSchema } from './open-schema';

@ApiSchema({ name: 'FieldError' })
export class FieldErrorSchema implements FieldError {
  @ApiProperty({ example: 'amountCents', description: 'the path of the bad field (`salaries.0.grossCents`), or a header name' })
  field!: string;

  @ApiProperty({ example: 'amountCents must not be less than 1' })
  message!: string;
}

/**
 * RFC 9457 problem details, the body of every error answer. A domain refusal adds the facts that explain
 * it as extension members (e.g. `stoppageId`, `missingMonths`), so the schema allows more properties.
 */
@OpenSchema()
@ApiSchema({ name: 'Problem', description: 'application/problem+json (RFC 9457); `type` is stable: match on it.' })
export class ProblemSchema implements Problem {
  [extension: string]: unknown;

  @ApiProperty({ format: 'uri', example: 'https://ij-ledger.dev/problems/validation-failed' })
  type!: string;

  @ApiProperty({ example: 'Invalid request' })
  title!: string;

  @ApiProperty({ type: 'integer', example: 400 })
  status!: number;

  @ApiProperty({ example: 'The request is not valid: see errors, one entry per field.' })
  detail!: string;

  @ApiPropertyOptional({ type: [FieldErrorSchema], description: 'validation-failed: one entry per bad field' })
  errors?: FieldErrorSchema[];

  @ApiPropertyOptional({ description: 'internal-error: quote it to support' })
  correlationId?: string;
}
