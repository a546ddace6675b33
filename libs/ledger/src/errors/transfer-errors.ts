import { DomainError } from './domain-error';

/** A payment run settles through a date: a regularization cannot settle the future. */
export class PaymentRunInFuture extends DomainError {
  readonly code = 'payment-run-in-future';
  readonly title = 'Payment run through a future date';
  constructor(readonly through: string, readonly today: string) {
    super(`A payment run settles through ${through}, after today ${today}; a regularization cannot settle the future.`);
  }
}

export class PaymentRunNotFound extends DomainError {
  readonly code = 'payment-run-not-found';
  readonly title = 'Payment run not found';
  constructor(readonly runId: string) {
    super(`No payment run is known under ${runId}.`);
  }
}

export class PaymentRunNotDone extends DomainError {
  readonly code = 'payment-run-not-done';
  readonly title = 'Payment run not done';
  constructor(readonly runId: string, readonly runStatus: string) {
    super(`Payment run ${runId} is ${runStatus}; its bank file exists once it is done.`);
  }
}

export class NothingToTransfer extends DomainError {
  readonly code = 'nothing-to-transfer';
  readonly title = 'Nothing to transfer';
  constructor(readonly runId: string) {
    super(`Payment run ${runId} moved no money: a pain.001 file needs at least one transfer.`);
  }
}

export class TransferNotFound extends DomainError {
  readonly code = 'transfer-not-found';
  readonly title = 'Transfer not found';
  constructor(readonly transferId: string) {
    super(`No transfer ${transferId} is known on this policyholder.`);
  }
}

/** Only a returned transfer, not yet ordered again, can be ordered again. */
export class TransferNotReturned extends DomainError {
  readonly code = 'transfer-not-returned';
  readonly title = 'Transfer not returned';
  constructor(readonly transferId: string, readonly status: string) {
    super(`Transfer ${transferId} is ${status}: only a returned transfer not yet ordered again can be ordered again.`);
  }
}

/** The bank reports on what it received: a transfer still ORDERED was never in a bank file. */
export class TransferNotExported extends DomainError {
  readonly code = 'transfer-not-exported';
  readonly title = 'Transfer not exported';
  constructor(readonly transferId: string) {
    super(`Transfer ${transferId} was never exported: a bank report cannot settle or return it.`);
  }
}

export class BankAccountNotAwaitingConfirmation extends DomainError {
  readonly code = 'bank-account-not-awaiting-confirmation';
  readonly title = 'Bank account not awaiting confirmation';
  constructor() {
    super('The bank account on record does not wait for a confirmation.');
  }
}

/** Separation of duties (#21): who changed an IBAN may not confirm it. */
export class BankAccountConfirmationBySameActor extends DomainError {
  readonly code = 'bank-account-confirmation-by-same-actor';
  readonly title = 'Bank account confirmed by the one who changed it';
  constructor(readonly actorId: string) {
    super(`Actor ${actorId} changed this bank account: another supervisor must confirm it.`);
  }
}
