import { Controller, Get, Header, Inject } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/roles.decorator';
import { fileOf, QueryAnswers } from '../http/openapi/answers';
import { LedgerMetrics } from './ledger-metrics';
import { MetricsGauges } from './metrics-gauges';

/** GET /metrics: Prometheus text format, for a key with the supervisor or auditor role (Prometheus sends it as a bearer token). */
@ApiBearerAuth()
@ApiTags('operations')
@Controller('metrics')
export class MetricsController {
  constructor(
    @Inject(LedgerMetrics) private readonly metrics: LedgerMetrics,
    private readonly gauges: MetricsGauges,
  ) {}

  @Get()
  @Roles('supervisor', 'auditor')
  @QueryAnswers(fileOf('text/plain', 'the Prometheus text exposition format (version 0.0.4)'))
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  @Header('Cache-Control', 'no-store')
  async scrape(): Promise<string> {
    await this.gauges.refresh();
    return this.metrics.text();
  }
}
