import { BadRequestException, ValidationPipe, type ValidationError } from '@nestjs/common';
import { ValidationFailed, type FieldError } from './problem';

/** Flattens class-validator's tree into one entry per bad field, named by its path (`salaries.0.grossCents`). */
export function fieldErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {});
    const here: FieldError[] = own.length > 0 ? [{ field, message: own.join('; ') }] : [];
    return [...here, ...fieldErrors(error.children ?? [], field)];
  });
}

/**
 * Bodies are validated against their DTO: unknown fields are refused, nothing is converted (an amount
 * sent as "100" or 100.5 is an error, not 100), and every failure becomes a 400 with one entry per field.
 */
export function ledgerValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => {
      const flattened = fieldErrors(errors);
      return flattened.length > 0 ? new ValidationFailed(flattened) : new BadRequestException('The request body must be a JSON object.');
    },
  });
}
