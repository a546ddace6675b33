import { createHash } from 'node:crypto';
import { canonicalJson } from '@ij/event-store';
import type { PolicyholderCommand } from '@ij/ledger';

/** The HTTP request (api.md) a clerk would have sent for a command: what the API hashes into `requestHash`. */
export interface ApiRequest {
  path: string;
  body: Record<string, unknown>;
}

/** As the API's idempotency interceptor computes it, so that seeded events look like API-issued ones. */
export function requestHash(request: ApiRequest): string {
  return createHash('sha256').update(`POST ${request.path}\n${canonicalJson(request.body)}`).digest('hex');
}

/** The request body of each command; ids the API derives (advance, regularization, recovery) are not in it. */
export function apiRequestOf(command: PolicyholderCommand, nir: string): ApiRequest {
  switch (command.type) {
    case 'OpenStoppage': {
      const { type: _type, policyholderId: _policyholderId, aldAffectionId, ...facts } = command;
      const body: Record<string, unknown> = { ...facts, nir };
      if (aldAffectionId !== undefined) body.ald = { affectionId: aldAffectionId };
      return { path: '/v1/stoppages', body: withoutUndefined(body) };
    }
    case 'ExtendStoppage':
      return { path: stoppagePath(command.stoppageId, 'extensions'), body: withoutUndefined({ newEndDate: command.newEndDate, prescribedOn: command.prescribedOn }) };
    case 'EndStoppageEarly':
      return { path: stoppagePath(command.stoppageId, 'early-end'), body: { lastDay: command.lastDay } };
    case 'RecordSalaryCertificate':
      return { path: stoppagePath(command.stoppageId, 'salary-certificate'), body: { salaries: command.salaries } };
    case 'IssueAdvance':
      return { path: stoppagePath(command.stoppageId, 'advances'), body: { amountCents: command.amountCents, reason: command.reason } };
    case 'Regularize':
      return { path: stoppagePath(command.stoppageId, 'regularizations'), body: { through: command.through } };
    case 'RecordRecovery':
      return { path: stoppagePath(command.stoppageId, 'recoveries'), body: { amountCents: command.amountCents } };
    case 'RecordBankAccount':
      return { path: `/v1/policyholders/${command.policyholderId}/bank-account`, body: withoutUndefined({ iban: command.iban, bic: command.bic, holderName: command.holderName }) };
    case 'RecordSubrogation': {
      const account = command.employerAccount;
      const employer = account ? { employerIban: account.iban, employerBic: account.bic, employerName: account.holderName } : {};
      return { path: stoppagePath(command.stoppageId, 'subrogations'), body: withoutUndefined({ employerId: command.employerId, from: command.fromDate, to: command.toDate, ...employer }) };
    }
    case 'RequalifyStoppage':
      return { path: stoppagePath(command.stoppageId, 'requalification'), body: withoutUndefined({ kind: command.kind, accidentDate: command.accidentDate, recognizedOn: command.recognizedOn }) };
    case 'AnnulStoppage':
      return { path: stoppagePath(command.stoppageId, 'annulment'), body: { reason: command.reason } };
    case 'ConfirmBankAccount':
      return { path: `/v1/policyholders/${command.policyholderId}/bank-account/confirmation`, body: {} };
    case 'ExportTransfers':
    case 'RecordBankOutcome':
    case 'ReorderReturnedTransfer':
      throw new Error(`${command.type} is decided by a payment run or a bank report, not sent as a request`);
    default:
      return unknownCommand(command);
  }
}

export function activationRequest(version: string): ApiRequest {
  return { path: '/v1/rules/active', body: { version } };
}

function stoppagePath(stoppageId: string, action: string): string {
  return `/v1/stoppages/${stoppageId}/${action}`;
}

function withoutUndefined(body: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(body).filter(([, value]) => value !== undefined));
}

function unknownCommand(command: never): never {
  throw new Error(`No API request for command ${(command as { type: string }).type}`);
}
