import { Module } from '@nestjs/common';
import { RulesController } from './rules.controller';
import { ActivateRulesVersionHandler } from './handlers/rules.handlers';

/** Rules versions: which are released, and activating one. */
@Module({ controllers: [RulesController], providers: [ActivateRulesVersionHandler] })
export class RulesModule {}
