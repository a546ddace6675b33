import type { TransferStatus } from '@ij/ledger';

/** The transfers' messages on the QueryBus: the ledger's transfers, one policyholder's, and the disbursements reconciliation. */
export class ListTransfersQuery {
  constructor(readonly filter: { status?: TransferStatus; from?: string; to?: string }, readonly after: string | undefined, readonly limit: number) {}
}

export class ListPolicyholderTransfersQuery {
  constructor(readonly policyholderId: string, readonly after: string | undefined, readonly limit: number) {}
}

export class GetDisbursementsQuery {
  constructor(readonly through: string) {}
}
