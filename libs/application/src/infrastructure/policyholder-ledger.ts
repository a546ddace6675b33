import { Inject, Injectable } from '@nestjs/common';
import type { EventStore, RecordedEvent } from '@ij/event-store';
import {
  decide,
  decideRules,
  foldEvents,
  foldRulesEvents,
  policyholderStream,
  reserveStoppageId,
  RULES_STREAM,
  StoppageNotFound,
  stoppageStream,
  upcast,
  type ActivateRulesVersion,
  type PolicyholderCommand,
  type PolicyholderEvent,
  type RulesVersionActivated,
  type StoppageIdReserved,
} from '@ij/ledger';
import { readActiveRules } from '@ij/projections';
import { RULES_VERSIONS, type RulesVersion } from '@ij/rules';
import type { CommandContext } from './command-context';
import { CLOCK, type Clock } from './clock';
import { LedgerCommandRunner, type CommandOutcome } from './ledger-command-runner';
import { EVENT_STORE } from './tokens';

/** The domain's view of a recorded event: its type and data, brought to the current schema. */
export function toDomainEvent<T>(event: RecordedEvent): T {
  return upcast(event.type, event.metadata.schemaVersion, event.data) as T;
}

/**
 * The application side of the domain: finds the stream a command belongs to, the active rules version and
 * today's date, and runs the pure decision through the command runner.
 */
@Injectable()
export class PolicyholderLedger {
  /** stoppageId → policyholderId. A reservation never changes, so it is safe to keep. */
  private readonly owners = new Map<string, string>();

  constructor(
    private readonly runner: LedgerCommandRunner,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async activeRulesVersion(): Promise<string> {
    return (await this.activeRules()).version;
  }

  /** The version a supervisor activated last, read from its stream (the same read as the queries'). */
  activeRules(): Promise<RulesVersion> {
    return readActiveRules(this.store);
  }

  async policyholderOf(stoppageId: string): Promise<string> {
    const known = this.owners.get(stoppageId);
    if (known) return known;
    const [reservation] = await this.store.readStream(stoppageStream(stoppageId));
    if (!reservation) throw new StoppageNotFound(stoppageId);
    const owner = toDomainEvent<StoppageIdReserved>(reservation).data.policyholderId;
    this.owners.set(stoppageId, owner);
    return owner;
  }

  /** Reserves the stoppage id for the policyholder (idempotent for the same one), then opens it. */
  async open(command: Extract<PolicyholderCommand, { type: 'OpenStoppage' }>, context: CommandContext): Promise<CommandOutcome> {
    await this.runner.run(stoppageStream(command.stoppageId), context, (history) =>
      reserveStoppageId(command.stoppageId, command.policyholderId, history[0] && toDomainEvent<StoppageIdReserved>(history[0])),
    );
    return this.decideOnPolicyholder(command.policyholderId, command, context);
  }

  /** Runs a command addressed by stoppage id on its policyholder's stream. */
  async decideOnStoppage(command: Exclude<Extract<PolicyholderCommand, { stoppageId: string }>, { type: 'OpenStoppage' }>, context: CommandContext): Promise<CommandOutcome> {
    return this.decideOnPolicyholder(await this.policyholderOf(command.stoppageId), command, context);
  }

  /** Runs a command addressed by policyholder id (one that concerns no single stoppage). */
  async decideForPolicyholder(policyholderId: string, command: Exclude<Extract<PolicyholderCommand, { policyholderId: string }>, { type: 'OpenStoppage' }>, context: CommandContext): Promise<CommandOutcome> {
    return this.decideOnPolicyholder(policyholderId, command, context);
  }

  async activate(command: ActivateRulesVersion, context: CommandContext): Promise<CommandOutcome> {
    return this.runner.run(RULES_STREAM, context, (history) =>
      decideRules(
        command,
        foldRulesEvents(history.map((event) => toDomainEvent<RulesVersionActivated>(event))),
        RULES_VERSIONS.map((rules) => rules.version),
        this.clock.today(),
      ),
    );
  }

  private async decideOnPolicyholder(policyholderId: string, command: PolicyholderCommand, context: CommandContext): Promise<CommandOutcome> {
    const rules = await this.activeRules();
    const today = this.clock.today();
    return this.runner.run(policyholderStream(policyholderId), context, (history) =>
      decide(command, foldEvents(history.map((event) => toDomainEvent<PolicyholderEvent>(event))), { rules, today }),
    );
  }
}
