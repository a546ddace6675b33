import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { explainedEntitlement, stoppageView } from '@ij/projections';
import { ExplainEntitlementQuery, GetStoppageQuery } from '../stoppages.messages';
import { ReadSide } from '../../read-side/read-side';

@QueryHandler(GetStoppageQuery)
export class GetStoppageHandler implements IQueryHandler<GetStoppageQuery> {
  constructor(private readonly readSide: ReadSide) {}

  async execute({ stoppageId, through }: GetStoppageQuery) {
    const document = await this.readSide.policyholderOfStoppage(stoppageId);
    return stoppageView(document, stoppageId, await this.readSide.activeRules(), this.readSide.through(through));
  }
}

@QueryHandler(ExplainEntitlementQuery)
export class ExplainEntitlementHandler implements IQueryHandler<ExplainEntitlementQuery> {
  constructor(private readonly readSide: ReadSide) {}

  async execute({ stoppageId, through, rulesVersion }: ExplainEntitlementQuery) {
    const rules = await this.readSide.rules(rulesVersion);
    const document = await this.readSide.policyholderOfStoppage(stoppageId);
    return explainedEntitlement(document, stoppageId, rules, this.readSide.through(through));
  }
}
