import { Module } from '@nestjs/common';
import { TRANSFER_QUERY_HANDLERS } from './handlers/transfer-queries.handlers';
import { TransfersController } from './transfers.controller';

/** Transfers: the ledger's, one policyholder's, and the disbursements reconciliation. */
@Module({ controllers: [TransfersController], providers: [...TRANSFER_QUERY_HANDLERS] })
export class TransfersModule {}
