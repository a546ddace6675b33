import { UnknownRulesVersion } from '../errors/registry-errors';
import { commands } from '../test-support/commands';
import { events } from '../test-support/events';
import { TODAY } from '../test-support/fixtures';
import { decideRules } from './activate-rules-version.decision';
import { foldRulesEvents, initialRulesState } from './rules-state';

const KNOWN = ['2026.1', '2026.2'];

describe('activating a rules version', () => {
  it('records the first activation with no previous version', () =>
    expect(decideRules(commands.activateRulesVersion({ version: '2026.1' }), initialRulesState(), KNOWN, TODAY)).toEqual([
      events.rulesVersionActivated({ version: '2026.1', previousVersion: null }),
    ]));

  it('records the version it replaces', () =>
    expect(
      decideRules(commands.activateRulesVersion({ version: '2026.2' }), foldRulesEvents([events.rulesVersionActivated({ version: '2026.1' })]), KNOWN, TODAY),
    ).toEqual([events.rulesVersionActivated({ version: '2026.2', previousVersion: '2026.1' })]));

  it('records nothing when the version is already active', () =>
    expect(
      decideRules(commands.activateRulesVersion({ version: '2026.1' }), foldRulesEvents([events.rulesVersionActivated({ version: '2026.1' })]), KNOWN, TODAY),
    ).toEqual([]));

  it('may go back to an older version', () =>
    expect(
      decideRules(
        commands.activateRulesVersion({ version: '2026.1' }),
        foldRulesEvents([events.rulesVersionActivated({ version: '2026.1' }), events.rulesVersionActivated({ version: '2026.2', previousVersion: '2026.1' })]),
        KNOWN,
        TODAY,
      ),
    ).toEqual([events.rulesVersionActivated({ version: '2026.1', previousVersion: '2026.2' })]));

  it('refuses a version that was never released', () => {
    expect(() => decideRules(commands.activateRulesVersion({ version: '2099.1' }), initialRulesState(), KNOWN, TODAY)).toThrow(UnknownRulesVersion);
    expect(() => decideRules(commands.activateRulesVersion({ version: '2099.1' }), initialRulesState(), KNOWN, TODAY)).toThrow(
      expect.objectContaining({ code: 'unknown-rules-version', version: '2099.1', knownVersions: KNOWN }),
    );
  });
});
