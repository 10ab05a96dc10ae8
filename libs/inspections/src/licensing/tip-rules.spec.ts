import { describe, expect, it } from '@jest/globals';
import { RISK_MODEL } from '../supervision/risk-model.js';
import { countsInRisk, TIP_ORIGINS, TIP_RISK, tipRecipients } from './tip-rules.js';

describe('tip rules', () => {
  it('comes in directly on the premises or with a police referral', () => {
    expect(TIP_ORIGINS).toEqual(['direct', 'referral']);
  });

  it('counts a tip in the risk score for a year, as the supervision plan does', () => {
    expect(TIP_RISK).toBe(RISK_MODEL.tips);
    expect(countsInRisk('2022-03-01', '2022-07-10')).toBe(true);
    expect(countsInRisk('2021-07-10', '2022-07-10')).toBe(true);
    expect(countsInRisk('2021-07-09', '2022-07-10')).toBe(false);
    expect(countsInRisk('2022-07-10', '2022-07-10')).toBe(true);
    expect(countsInRisk('2022-07-11', '2022-07-10')).toBe(false);
  });

  it('tells the licensing officers of a new tip, not the one who recorded it', () => {
    expect(tipRecipients(['a', 'b'], 'a')).toEqual(['b']);
    expect(tipRecipients(['a', 'b'], 'police')).toEqual(['a', 'b']);
  });
});
