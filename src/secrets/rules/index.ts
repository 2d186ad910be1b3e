import type { SecretRule } from '../types.js';
import { aiRules } from './ai.js';
import { chatRules } from './chat.js';
import { cloudRules } from './cloud.js';
import { genericRules } from './generic.js';
import { keyRules } from './keys.js';
import { observabilityRules } from './observability.js';
import { paymentRules } from './payments.js';
import { registryRules } from './registries.js';
import { saasRules } from './saas.js';
import { sourceHostRules } from './source-hosts.js';

/** Every built-in rule, most specific families first. */
export const builtinRules: readonly SecretRule[] = [
  ...sourceHostRules,
  ...cloudRules,
  ...registryRules,
  ...chatRules,
  ...paymentRules,
  ...aiRules,
  ...observabilityRules,
  ...saasRules,
  ...keyRules,
  ...genericRules,
];
