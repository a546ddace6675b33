import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

/**
 * Docker cannot run on this project's machines, so the production shape is checked by reading it:
 * the services api.md names, wired with the configuration api.md documents.
 */
const root = join(__dirname, '..', '..');
const compose = parse(readFileSync(join(root, 'docker-compose.yml'), 'utf8'));

describe('docker-compose.yml', () => {
  it('runs EventStoreDB, PostgreSQL and the ledger API', () => {
    expect(Object.keys(compose.services).sort()).toEqual(['eventstore', 'ledger-api', 'postgres']);
  });

  it('runs EventStoreDB as an insecure single node with an HTTP health check', () => {
    const eventstore = compose.services.eventstore;
    expect(eventstore.environment.EVENTSTORE_INSECURE).toBe('true');
    expect(eventstore.environment.EVENTSTORE_CLUSTER_SIZE).toBe('1');
    expect(eventstore.ports).toContain('2113:2113');
    expect(eventstore.healthcheck.test.join(' ')).toContain('/health/live');
  });

  it('configures the API for EventStoreDB with read models in PostgreSQL, as api.md says', () => {
    const api = compose.services['ledger-api'];
    expect(api.build.dockerfile).toBe('Dockerfile');
    expect(api.environment.LEDGER_EVENT_STORE).toBe('esdb');
    expect(api.environment.EVENTSTORE_CONNECTION_STRING).toMatch(/^esdb:\/\/eventstore:2113\?tls=false$/u);
    expect(api.environment.DATABASE_URL).toMatch(/^postgres:\/\/.+@postgres:5432\//u);
    expect(api.environment.PORT).toBe('3000');
    expect(api.ports).toContain('3000:3000');
    expect(api.healthcheck.test.join(' ')).toContain('/health');
  });

  it('starts the API only once both stores are healthy', () => {
    expect(compose.services['ledger-api'].depends_on).toEqual({
      eventstore: { condition: 'service_healthy' },
      postgres: { condition: 'service_healthy' },
    });
    expect(compose.services.postgres.healthcheck.test.join(' ')).toContain('pg_isready');
  });

  it('builds from a Dockerfile that exists and runs the compiled API', () => {
    const dockerfile = readFileSync(join(root, 'Dockerfile'), 'utf8');
    expect(dockerfile).toMatch(/npm (?:ci|install)/u);
    expect(dockerfile).toContain('dist/apps/ledger-api/src/main.js');
  });
});
