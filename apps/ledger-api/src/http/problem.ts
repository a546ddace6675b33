import { HttpException, HttpStatus } from '@nestjs/common';

/** RFC 9457 problem details, the body of every error answer. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: FieldError[];
  correlationId?: string;
  [extension: string]: unknown;
}

export interface FieldError {
  field: string;
  message: string;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
export const PROBLEM_BASE = 'https://ij-ledger.dev/problems/';

export const problemType = (code: string) => `${PROBLEM_BASE}${code}`;

/** 400 with one entry per bad field. */
export class ValidationFailed extends HttpException {
  constructor(readonly errors: FieldError[], detail = 'The request is not valid: see errors, one entry per field.') {
    super({ type: problemType('validation-failed'), title: 'Invalid request', status: 400, detail, errors }, HttpStatus.BAD_REQUEST);
  }
}

/** An HTTP error with a specific problem type. */
export class ProblemException extends HttpException {
  constructor(status: number, code: string, title: string, detail: string, extensions: Record<string, unknown> = {}) {
    super({ type: problemType(code), title, status, detail, ...extensions }, status);
  }
}
