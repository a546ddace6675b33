import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/roles.decorator';
import { QueryAnswers } from '../http/openapi/answers';
import { AuditReport } from './dto/replay.answers';
import { VerifyLedgerQuery } from './replays.messages';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('v1/audit')
@Roles('auditor')
export class AuditController {
  constructor(private readonly queryBus: QueryBus) {}

  /** 200 whatever it finds: `ok` says whether every chain is intact and every regularization reproduced. */
  @Get('verify')
  @QueryAnswers(AuditReport)
  verify() {
    return this.queryBus.execute(new VerifyLedgerQuery());
  }
}
