import { CanActivate, ExecutionContext, ForbiddenException, Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { ProblemException } from '../http/problem';
import { FailedAuthentications } from './failed-authentications';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { ApiKeyRing, type Actor, type Role } from '@ij/application';
import { PUBLIC_KEY, ROLES_KEY } from './roles.decorator';

export const API_KEY_RING = Symbol('ApiKeyRing');
export const FAILED_AUTHENTICATIONS = Symbol('FailedAuthentications');

export interface AuthenticatedRequest extends FastifyRequest {
  actor?: Actor;
}

/**
 * Bearer key → actor (401 when missing or unknown), then the route's roles (403 when none matches). Before
 * that, an address that failed authentication too often this minute is answered 429 whatever it sends.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(API_KEY_RING) private readonly keys: ApiKeyRing,
    @Inject(FAILED_AUTHENTICATIONS) private readonly failures: FailedAuthentications,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const address = String(request.ip ?? request.socket?.remoteAddress ?? 'unknown');
    if (this.failures.isBlocked(address)) {
      throw new ProblemException(429, 'too-many-requests', 'Too many requests', 'Too many requests without a valid API key from this address: wait a minute.');
    }
    const match = /^Bearer ([\x21-\x7e]{1,512})$/iu.exec(request.headers.authorization ?? '');
    const actor = match ? this.keys.authenticate(match[1]) : undefined;
    if (!actor) this.failures.recordFailure(address);
    if (!actor) throw new UnauthorizedException('A valid API key is required: Authorization: Bearer <key>.');
    request.actor = actor;
    const allowed = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (allowed && !allowed.some((role) => actor.roles.includes(role))) {
      throw new ForbiddenException(`This action needs the role ${allowed.join(' or ')}.`);
    }
    return true;
  }
}
