import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { PolicyholderNotFound } from '@ij/ledger';
import { policyholderBalance, policyholderHistory, policyholderStatement } from '@ij/projections';
import { POLICYHOLDER_IDS, PolicyholderIds } from '@ij/application';
import { FindPolicyholderQuery, GetBalanceQuery, GetHistoryQuery, GetStatementQuery } from '../policyholders.messages';
import { ReadSide } from '../../read-side/read-side';

/** The NIR is never stored: its HMAC is the policyholderId, which must name a policyholder of the read model. */
@QueryHandler(FindPolicyholderQuery)
export class FindPolicyholderHandler implements IQueryHandler<FindPolicyholderQuery> {
  constructor(
    private readonly readSide: ReadSide,
    @Inject(POLICYHOLDER_IDS) private readonly policyholderIds: PolicyholderIds,
  ) {}

  async execute({ nir }: FindPolicyholderQuery) {
    const policyholderId = this.policyholderIds.fromNir(nir);
    await this.readSide.policyholder(policyholderId);
    return { policyholderId };
  }
}

@QueryHandler(GetBalanceQuery)
export class GetBalanceHandler implements IQueryHandler<GetBalanceQuery> {
  constructor(private readonly readSide: ReadSide) {}

  async execute({ policyholderId, through }: GetBalanceQuery) {
    const day = this.readSide.through(through);
    return this.readSide.answers.answer(`balance ${policyholderId} ${day}`, async () =>
      policyholderBalance(await this.readSide.policyholder(policyholderId), await this.readSide.activeRules(), day),
    );
  }
}

@QueryHandler(GetHistoryQuery)
export class GetHistoryHandler implements IQueryHandler<GetHistoryQuery> {
  constructor(private readonly readSide: ReadSide) {}

  async execute({ policyholderId }: GetHistoryQuery) {
    const history = await policyholderHistory(this.readSide.events, policyholderId);
    if (history.length === 0) throw new PolicyholderNotFound();
    return history;
  }
}

@QueryHandler(GetStatementQuery)
export class GetStatementHandler implements IQueryHandler<GetStatementQuery> {
  constructor(private readonly readSide: ReadSide) {}

  async execute({ policyholderId, year }: GetStatementQuery) {
    return policyholderStatement(await this.readSide.policyholder(policyholderId), year, await this.readSide.activeRules());
  }
}
