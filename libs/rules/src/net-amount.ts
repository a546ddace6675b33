import { toScaledDecimal, type ScaledDecimal } from '@ij/money';
import type { SocialContributions } from './parameters';

/**
 * The factor 1 − (CSG + CRDS) as an exact decimal (1 − 0.062 − 0.005 = 0.933), built on scaled integers
 * so that the net is gross × 0.933 rounded half-up once (ij-rules §3), never two separate roundings.
 */
const factors = new WeakMap<SocialContributions, ScaledDecimal>();

export function netFactor(contributions: SocialContributions): ScaledDecimal {
  let factor = factors.get(contributions);
  if (!factor) {
    factor = computeNetFactor(contributions);
    factors.set(contributions, factor);
  }
  return factor;
}

function computeNetFactor(contributions: SocialContributions): ScaledDecimal {
  const csg = toScaledDecimal(contributions.csgRate);
  const crds = toScaledDecimal(contributions.crdsRate);
  const scale = Math.max(csg.scale, crds.scale);
  const unit = 10 ** scale;
  const align = (rate: ScaledDecimal) => rate.amount * 10 ** (scale - rate.scale);
  return { amount: unit - align(csg) - align(crds), scale };
}
