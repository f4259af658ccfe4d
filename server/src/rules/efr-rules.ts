import type { ModelRegistry } from '../model/model-registry.js';
import { ALLOW_ALL, type RuleHooks } from './rule-hooks.js';

/** The rule hooks for EFR types, deciding through core's verdicts. */
export function createRuleHooks(_model: ModelRegistry): RuleHooks {
  return ALLOW_ALL;
}
