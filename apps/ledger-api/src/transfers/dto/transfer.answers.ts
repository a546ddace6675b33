import type { Disbursements as DisbursementsModel, StatusTotals as StatusTotalsModel, TransferStatus } from '@ij/ledger';
import type { TransferPage as TransferPageModel, TransferView } from '@ij/projections';
import { type EveryField, Cents, Count, Day, Flag, ListOf, ObjectOf, OneOf, Text, Uuid, valuesOf } from '../../http/openapi/properties';

export const TRANSFER_STATUSES = valuesOf<TransferStatus>({ ORDERED: true, EXPORTED: true, SETTLED: true, RETURNED: true });

export class TransferReturnReason implements EveryField<NonNullable<TransferView['returnReason']>> {
  @Text({ description: 'the ISO 20022 reason code (AC04, MS03, …)' }) code!: string;
  @Text({ optional: true }) text!: string | undefined;
  @Flag({ description: 'a pain.002 rejection rather than a camt.054 return (treated the same: never paid)' }) rejected!: boolean;
}

/** Money the ledger decided to pay, and what the bank did with it (api.md "Money that moves"). */
export class Transfer implements EveryField<TransferView> {
  @Text({ description: "the bank file's EndToEndId (at most 35 characters), derived from the decision's ids" }) transferId!: string;
  @OneOf(valuesOf<TransferView['source']>({ ADVANCE: true, REGULARIZATION: true, REORDER: true })) source!: TransferView['source'];
  @Text({ description: 'the advance, the regularization or the returned transfer it comes from' }) sourceId!: string;
  @OneOf(valuesOf<TransferView['payee']>({ POLICYHOLDER: true, EMPLOYER: true })) payee!: TransferView['payee'];
  @Text({ optional: true, description: 'EMPLOYER only' }) employerId!: string | undefined;
  @Text() policyholderId!: string;
  @Uuid() stoppageId!: string;
  @Cents({ description: 'csgCents + crdsCents + netCents' }) grossCents!: number;
  @Cents() csgCents!: number;
  @Cents() crdsCents!: number;
  @Cents({ description: 'what moves' }) netCents!: number;
  @OneOf(TRANSFER_STATUSES) status!: TransferStatus;
  @Day() orderedOn!: string;
  @Text({ optional: true, description: 'REORDER only: the returned transfer it replaces' }) replaces!: string | undefined;
  @Text({ optional: true, description: 'RETURNED only: the transfer that ordered it again' }) reorderedAs!: string | undefined;
  @Text({ optional: true, description: 'the bank file (pain.001 MsgId) that carried it' }) bankFileId!: string | undefined;
  @Text({ optional: true, description: 'the account credited, masked but for its last 4 characters' }) creditorIban!: string | undefined;
  @Day({ optional: true }) exportedOn!: string | undefined;
  @Day({ optional: true }) settledOn!: string | undefined;
  @Day({ optional: true }) returnedOn!: string | undefined;
  @ObjectOf(() => TransferReturnReason, { optional: true }) returnReason!: TransferReturnReason | undefined;
}

/** GET /v1/transfers and GET /v1/policyholders/{policyholderId}/transfers: a page of transfers. */
export class TransferPage implements EveryField<TransferPageModel> {
  @ListOf(() => Transfer) items!: Transfer[];
  @Text({ optional: true, description: 'pass as `?after=` for the next page; absent on the last page' }) next!: string | undefined;
}

export class StatusTotals implements EveryField<StatusTotalsModel> {
  @Count() count!: number;
  @Cents() grossCents!: number;
  @Cents() netCents!: number;
}

export class TransfersByStatus implements EveryField<DisbursementsModel['transfers']> {
  @ObjectOf(() => StatusTotals) ORDERED!: StatusTotals;
  @ObjectOf(() => StatusTotals) EXPORTED!: StatusTotals;
  @ObjectOf(() => StatusTotals) SETTLED!: StatusTotals;
  @ObjectOf(() => StatusTotals) RETURNED!: StatusTotals;
}

/** GET /v1/reports/disbursements: allowances paid in the ledger against the transfers that carry them. */
export class Disbursements implements EveryField<DisbursementsModel & { through: string }> {
  @Day() through!: string;
  @Cents({ description: 'advances and regularization payments (less offsets), gross, decided on or before `through`' }) allowancesPaidCents!: number;
  @Cents({ description: 'the part decided before transfers existed: no transfer carries it' }) paidBeforeTransfersCents!: number;
  @ObjectOf(() => TransfersByStatus, { description: 'the transfers carrying the rest; a returned transfer ordered again counts once, as its new one' }) transfers!: TransfersByStatus;
  @ObjectOf(() => StatusTotals, { description: 'returned transfers ordered again (their money is in the transfer that replaced them)' }) returnedAndReordered!: StatusTotals;
  @Cents({ description: 'allowancesPaid − paidBeforeTransfers − Σ transfers: 0 unless money was decided and not ordered, or ordered twice' }) unreconciledCents!: number;
}
