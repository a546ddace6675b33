import type { INestApplication } from '@nestjs/common';
import { PATH_METADATA } from '@nestjs/common/constants';
import type { LedgerApp } from '../../apps/ledger-api/src/bootstrap';
import { DiscoveryService, MetadataScanner, ModulesContainer, Reflector } from '@nestjs/core';
import { PUBLIC_KEY, ROLES_KEY } from '../../apps/ledger-api/src/auth/roles.decorator';
import { IDEMPOTENT_COMMAND } from '../../apps/ledger-api/src/http/command-context';

export interface ServedRoute {
  method: string;
  /** The path written as in OpenAPI: `/v1/stoppages/{stoppageId}`. */
  path: string;
  /** An @IdempotentCommand route (it needs an Idempotency-Key). */
  command: boolean;
  /** Who may call it: 'public' (no key), 'any' (any valid key), or the roles. */
  allowed: 'public' | 'any' | string[];
}

/**
 * Every route the application really serves, as the HTTP router registered them (as the authorization
 * matrix reads them), with what its controller's metadata says (command, roles) found through Nest's
 * DiscoveryService. Left out: the HEAD twins of GET routes, the API docs pages (/docs…) and the console's
 * static files (`/console/*`).
 */
export function servedRoutes(ledger: LedgerApp): ServedRoute[] {
  const routes = ledger.routes.filter((route) => route.method !== 'HEAD' && !route.url.startsWith('/docs') && !route.url.includes('*') && route.url !== '/console');
  const handlers = handlerMetadata(ledger.app);
  return routes.map(({ method, url }) => {
    const handler = handlers.get(`${method} ${url}`);
    if (!handler) throw new Error(`${method} ${url} is served but no controller method declares it`);
    return { method, path: url.replace(/:(\w+)/gu, '{$1}'), ...handler };
  });
}

function handlerMetadata(app: INestApplication): Map<string, Pick<ServedRoute, 'command' | 'allowed'>> {
  const discovery = new DiscoveryService(app.get(ModulesContainer));
  const scanner = new MetadataScanner();
  const reflector = new Reflector();
  const found = new Map<string, Pick<ServedRoute, 'command' | 'allowed'>>();
  for (const wrapper of discovery.getControllers()) {
    const controller = wrapper.metatype as (new (...args: never[]) => object) | undefined;
    if (!controller) continue;
    const prefix = String(Reflect.getMetadata(PATH_METADATA, controller) ?? '');
    for (const name of scanner.getAllMethodNames(controller.prototype)) {
      const handler = (controller.prototype as Record<string, (...args: unknown[]) => unknown>)[name];
      const path = Reflect.getMetadata(PATH_METADATA, handler) as string | undefined;
      const method = Reflect.getMetadata('method', handler) as number | undefined;
      if (path === undefined || method === undefined) continue;
      const full = `/${[prefix, path].map((part) => part.replace(/^\/+|\/+$/gu, '')).filter(Boolean).join('/')}`;
      const roles = reflector.getAllAndOverride<string[] | undefined>(ROLES_KEY, [handler, controller]);
      const isPublic = reflector.getAllAndOverride<boolean | undefined>(PUBLIC_KEY, [handler, controller]);
      found.set(`${HTTP_METHODS[method]} ${full}`, { command: Boolean(reflector.get<boolean>(IDEMPOTENT_COMMAND, handler)), allowed: isPublic ? 'public' : (roles ?? 'any') });
    }
  }
  return found;
}

/** Nest's RequestMethod enum, by value. */
const HTTP_METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'ALL', 'OPTIONS', 'HEAD', 'SEARCH'];
