import { describe, expect, it } from '@jest/globals';
import { toCsv } from './escape.js';

describe('toCsv', () => {
  it('writes what Swedish Excel opens: BOM, semicolons, CRLF, quoted fields with doubled quotes', () => {
    expect(
      toCsv([
        ['Mått', 2022],
        ['Krog "Vilan"', null],
      ]),
    ).toBe('\uFEFF"Mått";"2022"\r\n"Krog ""Vilan""";""\r\n');
  });

  it('never lets a cell run as a formula (CSV injection), yet keeps numbers as they are', () => {
    const cells = ['=HYPERLINK("http://example.invalid")', '+46 54 51 50 00', '-1+1', '@SUM(A1)', '\tA', '\rB'];
    const line = toCsv([cells]).slice(1, -2);
    expect(line.split(';')).toEqual([`"'=HYPERLINK(""http://example.invalid"")"`, `"'+46 54 51 50 00"`, `"'-1+1"`, `"'@SUM(A1)"`, `"'\tA"`, `"'\rB"`]);
    expect(toCsv([[-5, 3.5, 'Skoghall']])).toBe('\uFEFF"-5";"3.5";"Skoghall"\r\n');
  });
});
