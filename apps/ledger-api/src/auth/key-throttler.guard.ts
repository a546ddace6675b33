import { Injectable } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { AuthenticatedRequest } from './auth.guard';

/**
 * Rate limit per API key (its actor), not per address: several back-office users can share a proxy, and one
 * runaway client must not starve the others. Runs after AuthGuard, so the actor is known; unauthenticated
 * requests (health, docs) are limited per address.
 */
@Injectable()
export class KeyThrottlerGuard extends ThrottlerGuard {
  protected override async getTracker(request: Record<string, unknown>): Promise<string> {
    const actor = (request as unknown as AuthenticatedRequest).actor;
    return actor ? `actor:${actor.actorId}` : `ip:${String(request.ip)}`;
  }
}
