import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { PolicyholderNotFound } from '@ij/ledger';
import { disbursementReport, ledgerTransfers, policyholderTransfers, type ReadModelStore } from '@ij/projections';
import { READ_MODELS } from '@ij/application';
import { GetDisbursementsQuery, ListPolicyholderTransfersQuery, ListTransfersQuery } from '../transfers.messages';

@QueryHandler(ListTransfersQuery)
export class ListTransfersHandler implements IQueryHandler<ListTransfersQuery> {
  constructor(@Inject(READ_MODELS) private readonly readModels: ReadModelStore) {}

  execute({ filter, after, limit }: ListTransfersQuery) {
    return ledgerTransfers(this.readModels, filter, after, limit);
  }
}

@QueryHandler(ListPolicyholderTransfersQuery)
export class ListPolicyholderTransfersHandler implements IQueryHandler<ListPolicyholderTransfersQuery> {
  constructor(@Inject(READ_MODELS) private readonly readModels: ReadModelStore) {}

  async execute({ policyholderId, after, limit }: ListPolicyholderTransfersQuery) {
    const document = await this.readModels.policyholder(policyholderId);
    if (!document || document.stoppages.length === 0) throw new PolicyholderNotFound();
    return policyholderTransfers(document, after, limit);
  }
}

@QueryHandler(GetDisbursementsQuery)
export class GetDisbursementsHandler implements IQueryHandler<GetDisbursementsQuery> {
  constructor(@Inject(READ_MODELS) private readonly readModels: ReadModelStore) {}

  execute({ through }: GetDisbursementsQuery) {
    return disbursementReport(this.readModels, through);
  }
}

export const TRANSFER_QUERY_HANDLERS = [ListTransfersHandler, ListPolicyholderTransfersHandler, GetDisbursementsHandler];
