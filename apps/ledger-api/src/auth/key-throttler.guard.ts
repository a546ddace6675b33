import { Inject, Injectable, type CanActivate, type ExecutionContext, type OnApplicationShutdown } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { LEDGER_CONFIG, type LedgerConfig } from '@ij/application';
import type { AuthenticatedRequest } from './auth.guard';
import { SlidingWindows } from './sliding-windows';

/** The throttler's name, suffixed to its headers (X-RateLimit-Limit-per-key…), as @nestjs/throttler named them. */
const SUFFIX = '-per-key';
const WINDOW_MS = 60_000;

/**
 * Rate limit per API key (its actor), not per address: several back-office users can share a proxy, and one
 * runaway client must not starve the others. Runs after AuthGuard, so the actor is known; unauthenticated
 * requests (health, docs) are limited per address. Counted per route, over the last minute: past the limit
 * the key is refused (429) for a minute on that route.
 *
 * The rules and headers of @nestjs/throttler 6 (its ThrottlerGuard ran here before, issue 19), without its
 * per-request costs: a SHA-256 of the key, and a copy of every hit of the window filtered on each request.
 */
@Injectable()
export class KeyThrottlerGuard implements CanActivate, OnApplicationShutdown {
  private readonly windows: SlidingWindows;

  constructor(@Inject(LEDGER_CONFIG) private readonly config: LedgerConfig) {
    this.windows = new SlidingWindows(config.rateLimitPerMinute, WINDOW_MS);
  }

  canActivate(context: ExecutionContext): boolean {
    const http = context.switchToHttp();
    const request = http.getRequest<FastifyRequest & AuthenticatedRequest>();
    const response = http.getResponse<FastifyReply>();
    const tracker = request.actor ? `actor:${request.actor.actorId}` : `ip:${String(request.ip)}`;
    const hit = this.windows.hit(`${tracker}\u0000${context.getClass().name}-${context.getHandler().name}`);
    if (hit.blocked) {
      response.header(`Retry-After${SUFFIX}`, String(hit.secondsToUnblock));
      throw new ThrottlerException();
    }
    response.header(`X-RateLimit-Limit${SUFFIX}`, String(this.config.rateLimitPerMinute));
    response.header(`X-RateLimit-Remaining${SUFFIX}`, String(Math.max(0, this.config.rateLimitPerMinute - hit.hits)));
    response.header(`X-RateLimit-Reset${SUFFIX}`, String(hit.secondsToReset));
    return true;
  }

  onApplicationShutdown(): void {
    this.windows.close();
  }
}
