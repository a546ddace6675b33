import { forbiddenKeyPath, jsonNestingDepth } from './json-depth';

const bytes = (text: string) => Buffer.from(text, 'utf8');

describe('jsonNestingDepth', () => {
  it.each([
    ['1', 0],
    ['{}', 1],
    ['{"salaries":[{"month":"2025-03","grossCents":1}]}', 3],
    ['{"reason":"[[[[[[[[[[[[[[[[[[[[[[[[[["}', 1],
    ['{"reason":"a \\" [[[[[[[[[[[[[[[[[[[[[[["}', 1],
    ['{"é":[["ü"]]}', 3],
  ])('reads %s as %i deep', (text, depth) => {
    expect(jsonNestingDepth(bytes(text))).toBe(depth);
  });

  it('stops at the first level over the limit (8 000 [ read no further than 17)', () => {
    expect(jsonNestingDepth(bytes('['.repeat(8000) + ']'.repeat(8000)), 16)).toBe(17);
  });
});

describe('forbiddenKeyPath', () => {
  it('finds a prototype key at any depth without recursion', () => {
    let value: unknown = JSON.parse('{"__proto__":1}');
    for (let level = 0; level < 20_000; level++) value = { a: value };
    expect(forbiddenKeyPath(value)).toBe(`${'a.'.repeat(20_000)}__proto__`);
  });

  it('answers undefined for a clean body', () => {
    expect(forbiddenKeyPath({ salaries: [{ month: '2025-03' }] })).toBeUndefined();
  });
});
