import { Controller, Get, Header, Inject, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Public } from '../auth/roles.decorator';
import { QueryAnswers } from '../http/openapi/answers';
import { Readiness } from './readiness.answer';
import { ReadinessProbe, type ReadinessVerdict } from './readiness';

/** GET /health/ready: 200 when the store answers and the read models are within bound, else 503 with the reason. No key. */
@Controller('health')
export class ReadinessController {
  constructor(@Inject(ReadinessProbe) private readonly probe: ReadinessProbe) {}

  @Get('ready')
  @Public()
  @QueryAnswers(Readiness, { public: true, otherAnswers: { 503: Readiness } })
  @Header('Cache-Control', 'no-store')
  async ready(@Res({ passthrough: true }) response: FastifyReply): Promise<ReadinessVerdict> {
    const verdict = await this.probe.check();
    if (verdict.status !== 'ready') response.status(503);
    return verdict;
  }
}
