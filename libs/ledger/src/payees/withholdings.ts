import { Money, toScaledDecimal, type ScaledDecimal } from '@ij/money';
import { PARAMETERS_2026 } from '@ij/rules';

export interface Withholdings {
  csgCents: number;
  crdsCents: number;
  netCents: number;
}

/**
 * CSG 6.2 % and CRDS 0.5 % withheld on each transfer (ij-rules §2). The net is gross × (1 − 0.067)
 * rounded half-up once (ij-rules §3); the CSG is gross × 6.2 % rounded half-up and the CRDS is the rest,
 * so that CSG + CRDS + net is always the gross to the cent.
 */
export function withholdingsOn(gross: Money, paidOn: string): Withholdings {
  const { csgRate, crdsRate } = contributionsOn(paidOn);
  const net = gross.times(oneMinus(csgRate, crdsRate), 'halfUp');
  const csg = gross.times(csgRate, 'halfUp');
  return { csgCents: csg.toCents(), crdsCents: gross.minus(net).minus(csg).toCents(), netCents: net.toCents() };
}

function contributionsOn(date: string): { csgRate: string; crdsRate: string } {
  const values = PARAMETERS_2026.socialContributions.values.filter((value) => value.from <= date);
  // Before the first dated value, the first one applies: the ledger holds no payment older than its rules.
  return (values.at(-1) ?? PARAMETERS_2026.socialContributions.values[0]).value;
}

/** 1 − a − b on exact decimals ("0.062", "0.005" → 0.933). */
function oneMinus(...rates: string[]): ScaledDecimal {
  const decimals = rates.map((rate) => toScaledDecimal(rate));
  const scale = Math.max(...decimals.map((decimal) => decimal.scale));
  const aligned = decimals.map((decimal) => decimal.amount * 10 ** (scale - decimal.scale));
  return { amount: aligned.reduce((rest, amount) => rest - amount, 10 ** scale), scale };
}
