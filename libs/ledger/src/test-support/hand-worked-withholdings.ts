import type { Withholdings } from '../payees/withholdings';

/**
 * CSG, CRDS and net of the transfers the ledger's specs use, worked out by hand (ij-rules §3): net = gross ×
 * 0.933 rounded half-up once; CSG = gross × 0.062 rounded half-up; CRDS = gross − net − CSG. A spec's
 * expected event never takes them from withholdingsOn, the function under test.
 */
const HAND_WORKED: Readonly<Record<number, Withholdings>> = {
  // nothing transferred (the whole payment offset)
  0: { csgCents: 0, crdsCents: 0, netCents: 0 },
  // 65.74 € × 0.062 = 4.07588 → 4.08; × 0.933 = 61.33542 → 61.34; CRDS 65.74 − 61.34 − 4.08 = 0.32
  6_574: { csgCents: 408, crdsCents: 32, netCents: 6_134 },
  // 200.00 €: × 0.062 = 12.40; × 0.933 = 186.60; CRDS 200.00 − 186.60 − 12.40 = 1.00
  20_000: { csgCents: 1_240, crdsCents: 100, netCents: 18_660 },
  // 4 × 32.87 = 131.48 €: × 0.062 = 8.15176 → 8.15; × 0.933 = 122.67084 → 122.67; CRDS 131.48 − 122.67 − 8.15 = 0.66
  13_148: { csgCents: 815, crdsCents: 66, netCents: 12_267 },
  // 6 × 32.87 = 197.22 €: × 0.062 = 12.22764 → 12.23; × 0.933 = 184.00626 → 184.01; CRDS 197.22 − 184.01 − 12.23 = 0.98
  19_722: { csgCents: 1_223, crdsCents: 98, netCents: 18_401 },
  // 10 × 32.87 = 328.70 €: × 0.062 = 20.3794 → 20.38; × 0.933 = 306.6771 → 306.68; CRDS 328.70 − 306.68 − 20.38 = 1.64
  32_870: { csgCents: 2_038, crdsCents: 164, netCents: 30_668 },
  // 11 × 32.87 = 361.57 €: × 0.062 = 22.41734 → 22.42; × 0.933 = 337.34481 → 337.34; CRDS 361.57 − 337.34 − 22.42 = 1.81
  36_157: { csgCents: 2_242, crdsCents: 181, netCents: 33_734 },
  // part-time, 15 × 25.00 = 375.00 €: × 0.062 = 23.25; × 0.933 = 349.875 → 349.88; CRDS 375.00 − 349.88 − 23.25 = 1.87
  37_500: { csgCents: 2_325, crdsCents: 187, netCents: 34_988 },
  // 15 × 32.87 = 493.05 €: × 0.062 = 30.5691 → 30.57; × 0.933 = 460.01565 → 460.02; CRDS 493.05 − 460.02 − 30.57 = 2.46
  49_305: { csgCents: 3_057, crdsCents: 246, netCents: 46_002 },
  // 16 × 32.87 = 525.92 €: × 0.062 = 32.60704 → 32.61; × 0.933 = 490.68336 → 490.68; CRDS 525.92 − 490.68 − 32.61 = 2.63
  52_592: { csgCents: 3_261, crdsCents: 263, netCents: 49_068 },
  // 854.62 € less a 300 € advance = 554.62 €: × 0.062 = 34.38644 → 34.39; × 0.933 = 517.46046 → 517.46;
  // CRDS 554.62 − 517.46 − 34.39 = 2.77
  55_462: { csgCents: 3_439, crdsCents: 277, netCents: 51_746 },
  // 26 × 32.87 = 854.62 € less 100 € offset = 754.62 €: × 0.062 = 46.78644 → 46.79; × 0.933 = 704.06046 → 704.06;
  // CRDS 754.62 − 704.06 − 46.79 = 3.77
  75_462: { csgCents: 4_679, crdsCents: 377, netCents: 70_406 },
  // occupational, 20 × 39.45 = 789.00 €: × 0.062 = 48.918 → 48.92; × 0.933 = 736.137 → 736.14 (the published
  // net of ij-rules §3); CRDS 789.00 − 736.14 − 48.92 = 3.94
  78_900: { csgCents: 4_892, crdsCents: 394, netCents: 73_614 },
  // 26 × 32.87 = 854.62 €: × 0.062 = 52.98644 → 52.99; × 0.933 = 797.36046 → 797.36; CRDS 854.62 − 797.36 − 52.99 = 4.27
  85_462: { csgCents: 5_299, crdsCents: 427, netCents: 79_736 },
};

/** The hand-worked withholdings on a transferred gross; a spec using a new amount works it out and adds it above. */
export function handWorkedWithholdings(transferredGrossCents: number): Withholdings {
  const withholdings = HAND_WORKED[transferredGrossCents];
  if (!withholdings) throw new Error(`No hand-worked CSG/CRDS for ${transferredGrossCents} cents: work it out and add it to hand-worked-withholdings.ts`);
  return withholdings;
}
