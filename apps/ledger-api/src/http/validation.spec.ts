import { IsIn, IsOptional, IsString } from 'class-validator';
import { ValidationFailed } from './problem';
import { ThroughParams } from './query-params';
import { ledgerValidationPipe } from './validation';

class RequiredQuery {
  @IsString()
  name!: string;
}

class DefaultedQuery {
  @IsOptional()
  @IsIn(['json', 'csv'])
  format: string = 'json';
}

const asQuery = (metatype: new () => object) => ({ type: 'query' as const, metatype, data: undefined });

describe('ledgerValidationPipe on an empty query string', () => {
  it('answers what the full validation answered: a new instance of the class each time, defaults set', async () => {
    const pipe = ledgerValidationPipe();
    const first = await pipe.transform({}, asQuery(DefaultedQuery));
    const second = await pipe.transform({}, asQuery(DefaultedQuery));
    expect(first).toBeInstanceOf(DefaultedQuery);
    expect(second).toBeInstanceOf(DefaultedQuery);
    expect(second).toEqual(first);
    expect(second).toEqual({ format: 'json' });
    expect(second).not.toBe(first);
    const through = await pipe.transform({}, asQuery(ThroughParams));
    expect(await pipe.transform({}, asQuery(ThroughParams))).toEqual(through);
  });

  it('keeps refusing {} for a class that requires a field, and still validates a query that is not empty', async () => {
    const pipe = ledgerValidationPipe();
    for (let attempt = 0; attempt < 2; attempt++) await expect(pipe.transform({}, asQuery(RequiredQuery))).rejects.toBeInstanceOf(ValidationFailed);
    await pipe.transform({}, asQuery(ThroughParams));
    await pipe.transform({}, asQuery(ThroughParams));
    await expect(pipe.transform({ through: '2025-02-30' }, asQuery(ThroughParams))).rejects.toBeInstanceOf(ValidationFailed);
    await expect(pipe.transform({ since: '2025-01-01' }, asQuery(ThroughParams))).rejects.toBeInstanceOf(ValidationFailed);
    await expect(pipe.transform({ through: '2025-06-30' }, asQuery(ThroughParams))).resolves.toEqual({ through: '2025-06-30' });
  });
});
