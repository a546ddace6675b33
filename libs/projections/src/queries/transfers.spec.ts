import type { TransferRecord } from '@ij/ledger';
import type { PolicyholderDocument } from '../model/policyholder-document';
import type { ReadModelStore } from '../read-model-store.port';
import { disbursementReport, ledgerTransfers, policyholderTransfers } from './transfers';

const transfer = (transferId: string, status: TransferRecord['status'], orderedOn = '2026-03-10'): TransferRecord => ({
  transferId, source: 'ADVANCE', sourceId: transferId, payee: 'POLICYHOLDER', stoppageId: 's1', grossCents: 10_000, csgCents: 620, crdsCents: 50, netCents: 9_330, orderedOn, status,
});
const documentOf = (policyholderId: string, transfers: TransferRecord[]): PolicyholderDocument => ({ policyholderId, stoppages: [], advancesRegularized: {}, transfers, lastPosition: 0n });

/** The read models' paging, over documents in id order. */
function storeOf(documents: PolicyholderDocument[]): ReadModelStore {
  return {
    policyholders: async (afterId: string | null, limit: number) => documents.filter((document) => afterId === null || document.policyholderId > afterId).slice(0, limit),
    policyholder: async (id: string) => documents.find((document) => document.policyholderId === id),
  } as unknown as ReadModelStore;
}

describe('transfer queries', () => {
  const documents = [
    documentOf('a', [transfer('a1', 'SETTLED'), transfer('a2', 'ORDERED'), transfer('a3', 'SETTLED', '2026-04-01')]),
    documentOf('b', []),
    documentOf('c', [transfer('c1', 'SETTLED'), transfer('c2', 'RETURNED')]),
  ];

  it('pages through every transfer of the ledger with a cursor, each once, in the middle of a policyholder too', async () => {
    const seen: string[] = [];
    let after: string | undefined;
    do {
      const page = await ledgerTransfers(storeOf(documents), {}, after, 2);
      seen.push(...page.items.map((item) => item.transferId));
      after = page.next;
    } while (after);
    expect(seen).toEqual(['a1', 'a2', 'a3', 'c1', 'c2']);
  });

  it('filters by status and order date', async () => {
    const settledInMarch = await ledgerTransfers(storeOf(documents), { status: 'SETTLED', from: '2026-03-01', to: '2026-03-31' }, undefined, 10);
    expect(settledInMarch.items.map((item) => item.transferId)).toEqual(['a1', 'c1']);
    expect(settledInMarch.next).toBeUndefined();
  });

  it("pages one policyholder's transfers", () => {
    const first = policyholderTransfers(documents[0], undefined, 2);
    expect(first.items.map((item) => item.transferId)).toEqual(['a1', 'a2']);
    expect(policyholderTransfers(documents[0], first.next, 2)).toEqual({ items: [expect.objectContaining({ transferId: 'a3' })] });
  });

  it('reconciles: 5 transfers of 100.00 € carry nothing the ledger did not decide (no stoppage here: all unreconciled)', async () => {
    // No advance or payment is on record in these documents: the 500.00 € of transfers are unreconciled, −500.00 €.
    const report = await disbursementReport(storeOf(documents), '2026-12-31');
    expect(report).toMatchObject({ allowancesPaidCents: 0, unreconciledCents: -50_000, transfers: { SETTLED: { count: 3, grossCents: 30_000 }, ORDERED: { count: 1 }, RETURNED: { count: 1 } } });
  });
});
