import { csvCell } from './csv-cell';

describe('csvCell', () => {
  it.each([
    ['-AbC123', "'-AbC123"],
    ['=HYPERLINK("http://x")', `"'=HYPERLINK(""http://x"")"`],
    ['+33', "'+33"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tx', "'\tx"],
    ['\rx', `"'\rx"`],
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
  ])('neutralises the text %j as %j', (value, written) => {
    expect(csvCell(value)).toBe(written);
  });

  it('writes numbers as they are, negative ones included', () => {
    expect(csvCell(-12_345)).toBe('-12345');
    expect(csvCell(0)).toBe('0');
  });
});
