import { createHash } from 'node:crypto';
import type { Command } from 'commander';
import { isDomainError } from '@ij/ledger';
import { RULES_VERSIONS } from '@ij/rules';
import { readLedgerConfig } from '../../../ledger-api/src/config/ledger-config';
import type { CommandContext } from '../../../ledger-api/src/http/command-context';
import { systemClock } from '../../../ledger-api/src/infrastructure/clock';
import { LedgerCommandRunner } from '../../../ledger-api/src/infrastructure/ledger-command-runner';
import { PolicyholderLedger } from '../../../ledger-api/src/infrastructure/policyholder-ledger';
import { openStorage } from '../../../ledger-api/src/infrastructure/storage';

/** The supervisor acting from the command line (api.md: activating a rules version is a supervisor's command). */
const CLI_SUPERVISOR = { actorId: 'ledger-cli-supervisor', roles: ['supervisor' as const] };

/** A usage error the operator must fix: exit code 2. */
const USAGE_ERROR = 2;

/** `rules list` and `rules activate VERSION`: the same command as POST /v1/rules/active, recorded as an event. */
export function registerRulesCommands(program: Command): void {
  const rules = program.command('rules').description('rules versions');
  rules
    .command('list')
    .description('released rules versions and the active one')
    .action(async () => {
      const storage = await openStorage(readLedgerConfig());
      try {
        const ledger = new PolicyholderLedger(new LedgerCommandRunner(storage.events, systemClock, { waitFor: async () => undefined }), storage.events, systemClock);
        const active = await ledger.activeRulesVersion();
        for (const version of RULES_VERSIONS) {
          console.log(`${version.version === active ? '*' : ' '} ${version.version}  released ${version.releasedOn}  ${version.notes.split('\n')[0]}`);
        }
      } finally {
        await storage.close();
      }
    });
  rules
    .command('activate <version>')
    .description('make a released rules version the active one (recorded as RulesVersionActivated)')
    .action(async (version: string) => {
      const storage = await openStorage(readLedgerConfig());
      try {
        const ledger = new PolicyholderLedger(new LedgerCommandRunner(storage.events, systemClock, { waitFor: async () => undefined }), storage.events, systemClock);
        const previous = await ledger.activeRulesVersion();
        const request = { version, previous };
        const context: CommandContext = {
          actor: CLI_SUPERVISOR,
          idempotencyKey: `rules-activate:${version}:after:${previous}`,
          requestHash: createHash('sha256').update(JSON.stringify(request)).digest('hex'),
          correlationId: `cli-rules-activate-${version}`,
          causationId: `cli-rules-activate-${version}`,
        };
        await ledger.activate({ type: 'ActivateRulesVersion', version }, context);
        console.log(previous === version ? `${version} was already the active rules version` : `active rules version: ${version} (was ${previous})`);
      } catch (error) {
        if (!isDomainError(error)) throw error;
        console.error(`rules activate: ${error.message}`);
        process.exitCode = USAGE_ERROR;
      } finally {
        await storage.close();
      }
    });
}
