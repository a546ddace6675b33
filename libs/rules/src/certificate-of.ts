import type { PreparedStoppage } from './paid-days/prepared-stoppage';
import type { RulesBehaviour } from './versions/rules-behaviour';

/**
 * Whose certificate computes a stoppage (ij-rules §4). OWN_FIRST (2026.1, 2026.2, decision): its own when it
 * has one, else its chain root's. CHAIN_UNLESS_OWN_COVERS (2026.3): a continuation computes on the chain's
 * certificate unless its own covers the chain's reference months (a corrected certificate for the chain), so
 * a certificate recorded for months inside the full-time stoppage never replaces the chain's reference.
 */
export function certificateHolderOf(behaviour: RulesBehaviour, stoppage: PreparedStoppage, root: PreparedStoppage, requiredMonths: readonly string[]): PreparedStoppage {
  const own = stoppage.facts.salaries;
  if (behaviour.continuationCertificate === 'OWN_FIRST' || stoppage === root) return own !== undefined ? stoppage : root;
  if (own !== undefined) {
    const months = new Set(own.map((salary) => salary.month));
    if (requiredMonths.every((month) => months.has(month))) return stoppage;
  }
  return root.facts.salaries !== undefined || own === undefined ? root : stoppage;
}
