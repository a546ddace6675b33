import { BadRequestException, ValidationPipe, type ArgumentMetadata, type ValidationError } from '@nestjs/common';
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
  return new LedgerValidationPipe({
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

type Constructor = new () => object;

/**
 * Most reads come without a query string: `{}` against the route's query class, whose answer depends on the
 * class only. It is validated in full the first time; once a class has accepted `{}`, the next empty query
 * gets what that validation returned, a new instance with nothing set, without running it again.
 */
class LedgerValidationPipe extends ValidationPipe {
  private readonly acceptsEmptyQuery = new WeakSet<Constructor>();

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const metatype = metadata.metatype as Constructor | undefined;
    if (metadata.type !== 'query' || !metatype || !isEmptyObject(value)) return super.transform(value, metadata);
    if (this.acceptsEmptyQuery.has(metatype)) return new metatype();
    const transformed = await super.transform(value, metadata);
    if (transformed instanceof metatype && isEmptyObject(transformed)) this.acceptsEmptyQuery.add(metatype);
    return transformed;
  }
}

function isEmptyObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length === 0;
}
