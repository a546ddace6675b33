import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply } from 'fastify';

/**
 * The console's built files (`npm run build:console` → apps/ledger-api/console/dist), found from the
 * TypeScript sources (tests) and from the compiled dist/apps/ledger-api/console/server alike.
 */
export function consoleDirectory(): string | undefined {
  const candidates = [
    process.env.LEDGER_CONSOLE_DIR,
    join(__dirname, '..', 'dist'),
    join(__dirname, '..', '..', '..', '..', '..', 'apps', 'ledger-api', 'console', 'dist'),
  ];
  return candidates.find((directory): directory is string => !!directory && existsSync(join(directory, 'index.html')));
}

/**
 * Serves the back-office console at /console without a key: the page is public, and every API call it
 * makes carries the user's key. Registered before Nest's routes, so the API key guard does not apply.
 * Hash routing: only index.html and hashed assets are ever requested. helmet's default CSP fits
 * (scripts and styles are same-origin files, nothing inline).
 */
export function serveConsole(app: NestFastifyApplication): void {
  const directory = consoleDirectory();
  if (!directory) {
    const notBuilt = (_request: unknown, reply: FastifyReply) =>
      reply.code(503).type('text/plain').send('The console is not built: run `npm run build:console` (npm start and npm run build do it).');
    const fastify = app.getHttpAdapter().getInstance();
    fastify.all('/console', notBuilt);
    fastify.all('/console/*', notBuilt);
    return;
  }
  app.useStaticAssets({
    root: directory,
    // /console itself is redirected to /console/, as Express's static files did.
    prefix: '/console',
    redirect: true,
    index: 'index.html',
    // index.html names the hashed assets: always revalidate it; the assets themselves never change.
    // @fastify/static 10 passes the reply here, although its types name a raw response.
    setHeaders: (response, path) => (response as unknown as FastifyReply).header('cache-control', path.endsWith('index.html') ? 'no-cache' : 'public, max-age=31536000, immutable'),
  });}
