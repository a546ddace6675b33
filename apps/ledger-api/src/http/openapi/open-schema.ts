import type { Type } from '@nestjs/common';

/** Schemas whose objects may carry more members than they list (a problem's extension members). */
export const OPEN_SCHEMAS = new Set<Type<unknown>>();

/** Marks a schema class as open: the document says `additionalProperties: true` for it. */
export const OpenSchema = (): ClassDecorator => (target) => {
  OPEN_SCHEMAS.add(target as unknown as Type<unknown>);
};
