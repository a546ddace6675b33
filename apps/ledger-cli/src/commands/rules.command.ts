import { createHash } from 'node:crypto';
import type { Command } from 'commander';
import { isDomainError } from '@ij/ledger';
import { checkRulesVersions, diffRulesVersions, getReleasedRulesVersion, RULES_VERSIONS, type ReleasedRulesVersion, type RulesDiff } from '@ij/rules';
import { type CommandContext, LedgerCommandRunner, openStorage, PolicyholderLedger, readLedgerConfig, systemClock } from '@ij/application';

/** The supervisor acting from the command line (api.md: activating a rules version is a supervisor's command). */
const CLI_SUPERVISOR = { actorId: 'ledger-cli-supervisor', roles: ['supervisor' as const] };

/** A usage error the operator must fix: exit code 2. */
const USAGE_ERROR = 2;

/** A check that found a problem: exit code 1. */
const CHECK_FAILED = 1;

/**
 * `rules list`, `rules activate VERSION` (the same command as POST /v1/rules/active, recorded as an event),
 * `rules check` (published maxima reproduce, parameters complete) and `rules diff A B` (what B changes).
 */
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
  rules
    .command('check')
    .description('every published maximum reproduces from SMIC / PMSS / PASS; every version has parameters for its dates (exit 1 on failure)')
    .option('--verbose', 'also print every check that passed')
    .action((options: { verbose?: boolean }) => {
      const exitCode = rulesCheck(RULES_VERSIONS, options.verbose === true, (line) => console.log(line));
      if (exitCode !== 0) process.exitCode = exitCode;
    });
  rules
    .command('diff <from> <to>')
    .description('the parameters and behaviours that differ between two released versions')
    .option('--format <format>', 'text or json', 'text')
    .action((from: string, to: string, options: { format: string }) => {
      const left = getReleasedRulesVersion(from);
      const right = getReleasedRulesVersion(to);
      if (!left || !right) {
        console.error(`rules diff: no released version ${!left ? from : to} (released: ${RULES_VERSIONS.map((version) => version.version).join(', ')})`);
        process.exitCode = USAGE_ERROR;
        return;
      }
      const diff = diffRulesVersions(left, right);
      console.log(options.format === 'json' ? JSON.stringify(diff, null, 2) : diffText(diff));
    });
}

/** `rules check` on the given versions: prints failures and known gaps (every check with verbose), returns the exit code. */
export function rulesCheck(versions: readonly ReleasedRulesVersion[], verbose: boolean, print: (line: string) => void): number {
  const findings = checkRulesVersions(versions);
  for (const finding of findings) {
    if (finding.status === 'OK' && !verbose) continue;
    print(`${finding.status.padEnd(9)} ${finding.version}  ${finding.parameter}: ${finding.message}`);
  }
  const failed = findings.filter((finding) => finding.status === 'FAILED').length;
  const gaps = findings.filter((finding) => finding.status === 'KNOWN_GAP').length;
  print(`${failed === 0 ? 'OK' : 'FAILED'}: ${versions.length} versions, ${findings.length} checks, ${failed} failures, ${gaps} known gaps`);
  return failed === 0 ? 0 : CHECK_FAILED;
}

function diffText(diff: RulesDiff): string {
  const lines = [`rules ${diff.from} → ${diff.to}`];
  if (diff.behaviours.length === 0 && diff.parameters.length === 0 && diff.fixed.length === 0) return [...lines, 'no difference in parameters or behaviours'].join('\n');
  for (const change of diff.behaviours) lines.push(`behaviour ${change.flag}: ${change.from} → ${change.to}`);
  for (const change of diff.parameters) {
    lines.push(`parameter ${change.parameter}`);
    for (const row of change.removed) lines.push(`  - ${period(row)}  ${JSON.stringify(row.value)}`);
    for (const row of change.added) lines.push(`  + ${period(row)}  ${JSON.stringify(row.value)}  (${row.derivation ? `derived: ${row.derivation}; ` : ''}${row.source}; checked ${row.checkedOn})`);
  }
  for (const change of diff.fixed) lines.push(`parameter ${change.name}: ${JSON.stringify(change.from)} → ${JSON.stringify(change.to)}`);
  return lines.join('\n');
}

function period(row: { from: string; to?: string }): string {
  return row.to === undefined ? `from ${row.from}` : `${row.from} … ${row.to}`;
}
