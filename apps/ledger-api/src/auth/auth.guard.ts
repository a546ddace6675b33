import { CanActivate, ExecutionContext, ForbiddenException, Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { ApiKeyRing, type Actor, type Role } from './api-keys';
import { PUBLIC_KEY, ROLES_KEY } from './roles.decorator';

export const API_KEY_RING = Symbol('ApiKeyRing');

export interface AuthenticatedRequest extends Request {
  actor?: Actor;
}

/** Bearer key → actor (401 when missing or unknown), then the route's roles (403 when none matches). */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(API_KEY_RING) private readonly keys: ApiKeyRing,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const match = /^Bearer ([\x21-\x7e]{1,512})$/iu.exec(request.headers.authorization ?? '');
    const actor = match ? this.keys.authenticate(match[1]) : undefined;
    if (!actor) throw new UnauthorizedException('A valid API key is required: Authorization: Bearer <key>.');
    request.actor = actor;
    const allowed = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (allowed && !allowed.some((role) => actor.roles.includes(role))) {
      throw new ForbiddenException(`This action needs the role ${allowed.join(' or ')}.`);
    }
    return true;
  }
}
