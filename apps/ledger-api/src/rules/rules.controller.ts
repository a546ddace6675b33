import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { RULES_VERSIONS } from '@ij/rules';
import { Roles } from '../auth/roles.decorator';
import { CurrentCommand, IdempotentCommand } from '../http/command-context';
import { type CommandContext, PolicyholderLedger } from '@ij/application';
import { CommandAnswers, QueryAnswers } from '../http/openapi/answers';
import { RulesVersions } from '../policyholders/dto/lookup.answers';
import { RulesActivation } from '../stoppages/dto/command-answers';
import { ActivateRulesVersionBody } from '../stoppages/dto/stoppage-commands.body';
import { ActivateRulesVersionCommand } from './rules.messages';

@ApiTags('rules')
@ApiBearerAuth()
@Controller('v1/rules')
export class RulesController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly ledger: PolicyholderLedger,
  ) {}

  /** Every released version (they stay available forever) and the active one. Any authenticated role. */
  @Get()
  @QueryAnswers(RulesVersions, { anyRole: true })
  async list(): Promise<RulesVersions> {
    return {
      active: await this.ledger.activeRulesVersion(),
      versions: RULES_VERSIONS.map(({ version, releasedOn, notes }) => ({ version, releasedOn, notes })),
    };
  }

  @Post('active')
  @HttpCode(200)
  @Roles('supervisor')
  @IdempotentCommand()
  @CommandAnswers(200, RulesActivation, { problems: ['unknown-rules-version'] })
  activate(@Body() body: ActivateRulesVersionBody, @CurrentCommand() context: CommandContext) {
    return this.commandBus.execute(new ActivateRulesVersionCommand(body, context));
  }
}
