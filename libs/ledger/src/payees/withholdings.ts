import { Money, toScaledDecimal, type ScaledDecimal } from '@ij/money';
import type { RulesVersion } from '@ij/rules';

export interface Withholdings {
  csgCents: number;
  crdsCents: number;
  netCents: number;
}

/**
 * CSG and CRDS withheld on each transfer (ij-rules §2, §5), at the rates of the deciding rules version's
 * parameters on the payment date. The net is gross × (1 − csg − crds) rounded half-up once (ij-rules §3);
 * the CSG is gross × csg rounded half-up and the CRDS is the rest, so that CSG + CRDS + net is always the
 * gross to the cent.
 */
export function withholdingsOn(gross: Money, paidOn: string, rules: Pick<RulesVersion, 'socialContributionsOn'>): Withholdings {
  const { csgRate, crdsRate } = rules.socialContributionsOn(paidOn);
  const net = gross.times(oneMinus(csgRate, crdsRate), 'halfUp');
  const csg = gross.times(csgRate, 'halfUp');
  return { csgCents: csg.toCents(), crdsCents: gross.minus(net).minus(csg).toCents(), netCents: net.toCents() };
}

/** 1 − a − b on exact decimals ("0.062", "0.005" → 0.933). */
function oneMinus(...rates: string[]): ScaledDecimal {
  const decimals = rates.map((rate) => toScaledDecimal(rate));
  const scale = Math.max(...decimals.map((decimal) => decimal.scale));
  const aligned = decimals.map((decimal) => decimal.amount * 10 ** (scale - decimal.scale));
  return { amount: aligned.reduce((rest, amount) => rest - amount, 10 ** scale), scale };
}
