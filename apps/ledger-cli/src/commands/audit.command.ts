import type { Command } from 'commander';
import { notImplementedYet } from './not-implemented';

export function registerAuditCommands(program: Command): void {
  const audit = program.command('audit').description('auditor checks');
  audit.command('verify').description('hash chains intact and every regularization reproduced to the cent').action(notImplementedYet('audit verify'));
}
