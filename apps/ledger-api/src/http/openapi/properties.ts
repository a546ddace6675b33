import type { Type } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import type { SchemaObjectMetadata } from '@nestjs/swagger/dist/interfaces/schema-object-metadata.interface';

/**
 * Short property decorators for the answers' schemas, so that a schema class reads like the interface it
 * implements. Each says the JSON type exactly (the emitted design types cannot tell an integer, a date or
 * a nullable field). `optional` = the field may be absent; `nullable` = present and possibly null.
 */
interface Shape {
  description?: string;
  optional?: boolean;
  nullable?: boolean;
  example?: unknown;
}

type Extra = Omit<SchemaObjectMetadata, 'name' | 'required' | 'description' | 'example' | 'nullable'>;

function property(extra: Extra, { description, optional, nullable, example }: Shape): PropertyDecorator {
  return ApiProperty({ ...extra, description, example, required: !optional, ...(nullable ? { nullable: true } : {}) } as SchemaObjectMetadata);
}

/** Money: integer cents. */
export const Cents = (shape: Shape = {}) => property({ type: 'integer' }, shape);
export const Count = (shape: Shape = {}) => property({ type: 'integer', minimum: 0 }, shape);
export const Integer = (shape: Shape = {}) => property({ type: 'integer' }, shape);
export const Text = (shape: Shape = {}) => property({ type: 'string' }, shape);
export const Flag = (shape: Shape = {}) => property({ type: 'boolean' }, shape);
/** A calendar date YYYY-MM-DD. */
export const Day = (shape: Shape = {}) => property({ type: 'string', format: 'date' }, shape);
export const Month = (shape: Shape = {}) => property({ type: 'string', pattern: '^\\d{4}-\\d{2}$' }, shape);
export const Instant = (shape: Shape = {}) => property({ type: 'string', format: 'date-time' }, shape);
export const Uuid = (shape: Shape = {}) => property({ type: 'string', format: 'uuid' }, shape);
export const OneOf = (values: readonly string[], shape: Shape = {}) => property({ type: 'string', enum: [...values] }, shape);
// @nestjs/swagger reads a function named `type` as a lazy reference to a class: the literal property gives it that name.
export const ListOf = (item: () => Type<unknown>, shape: Shape = {}) => property({ type: () => item(), isArray: true } as Extra, shape);
export const ObjectOf = (item: () => Type<unknown>, shape: Shape = {}) => property({ type: () => item() } as Extra, shape);
export const Uuids = (shape: Shape = {}) => property({ type: 'string', format: 'uuid', isArray: true } as Extra, shape);
export const Texts = (shape: Shape = {}) => property({ type: 'string', isArray: true }, shape);
export const Months = (shape: Shape = {}) => property({ type: 'string', isArray: true, pattern: '^\\d{4}-\\d{2}$' } as Extra, shape);
/** A JSON object of any shape (an event's data). */
export const JsonObject = (shape: Shape = {}) => property({ type: 'object', additionalProperties: true } as Extra, shape);

/** Every member of a string union, checked by the compiler to be all of them: `valuesOf<Kind>({ A: true, B: true })`. */
export function valuesOf<T extends string>(members: Record<T, true>): T[] {
  return Object.keys(members) as T[];
}

/**
 * Every field of a domain type, optional ones included: a schema class that `implements EveryField<T>`
 * must name them all (an optional one as `name!: T | undefined`, documented with `{ optional: true }`),
 * so a field added to the domain type does not compile until it is documented.
 */
export type EveryField<T> = { [K in keyof Required<T>]: K extends keyof T ? T[K] | undefined : never };
