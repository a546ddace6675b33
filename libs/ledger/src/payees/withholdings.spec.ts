import { currentRules } from '../test-support/rules';
import { Money } from '@ij/money';
import { withholdingsOn } from './withholdings';

/**
 * CSG 6.2 % and CRDS 0.5 % on a transfer (ij-rules §2, §3): net = gross × 0.933 rounded half-up once,
 * CSG = gross × 0.062 rounded half-up, CRDS the rest. Every figure below is worked out by hand.
 */
describe('CSG and CRDS withheld on a transfer', () => {
  const on = (grossCents: number) => withholdingsOn(Money.fromCents(grossCents), '2025-09-30', currentRules());

  it('854.62 €: CSG 52.98644 → 52.99, net 797.36046 → 797.36, CRDS 854.62 − 797.36 − 52.99 = 4.27', () => {
    expect(on(85_462)).toEqual({ csgCents: 5_299, crdsCents: 427, netCents: 79_736 });
  });

  it('the published occupational example, 789.00 €: net 736.137 → 736.14 (ij-rules §3), CSG 48.918 → 48.92, CRDS 3.94', () => {
    expect(on(78_900)).toEqual({ csgCents: 4_892, crdsCents: 394, netCents: 73_614 });
  });

  it('rounds a net of exactly half a cent up: 5.00 € × 0.933 = 4.665 → 4.67; CSG 0.31; CRDS 0.02', () => {
    expect(on(500)).toEqual({ csgCents: 31, crdsCents: 2, netCents: 467 });
  });

  it('rounds a CSG of exactly half a cent up: 2.50 € × 0.062 = 0.155 → 0.16; net 2.3325 → 2.33; CRDS 0.01', () => {
    expect(on(250)).toEqual({ csgCents: 16, crdsCents: 1, netCents: 233 });
  });

  it('withholds nothing on one cent (net 0.00933 → 0.01) and on nothing', () => {
    expect(on(1)).toEqual({ csgCents: 0, crdsCents: 0, netCents: 1 });
    expect(on(0)).toEqual({ csgCents: 0, crdsCents: 0, netCents: 0 });
  });
});
