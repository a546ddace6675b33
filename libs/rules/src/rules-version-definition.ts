import type { RulesParameters } from './parameters';
import type { RulesVersionInfo } from './rules.types';
import type { RulesBehaviour } from './versions/rules-behaviour';

/** A release as data: what it is called, its parameters and its behaviour flags. */
export interface RulesVersionDefinition extends RulesVersionInfo {
  parameters: RulesParameters;
  behaviour: RulesBehaviour;
}
