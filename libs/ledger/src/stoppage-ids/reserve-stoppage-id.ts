import { StoppageIdTaken } from '../errors/registry-errors';
import type { StoppageIdReserved } from '../events/stoppage-id-events';

/**
 * Run on stream `stoppage-{stoppageId}` before opening: a stoppage id maps to exactly one policyholder,
 * so a command addressed by stoppage id alone finds its policyholder, and two policyholders cannot share one.
 * Reserving again for the same policyholder is a no-op (a retried OpenStoppage).
 */
export function reserveStoppageId(
  stoppageId: string,
  policyholderId: string,
  existing?: StoppageIdReserved,
): StoppageIdReserved[] {
  if (existing === undefined) {
    return [{ type: 'StoppageIdReserved', schemaVersion: 1, data: { stoppageId, policyholderId } }];
  }
  if (existing.data.policyholderId === policyholderId) return [];
  throw new StoppageIdTaken(stoppageId);
}
