import type { CodeRuleSet } from '../code/code-scan.js';
import { customerDataRules } from './customer-data.js';
import { plaintextTransportRules } from './plaintext-transport.js';
import { sqlInjectionRules } from './sql-injection.js';
import { suppressionRules } from './suppressions.js';
import { unsafeHtmlRules } from './unsafe-html.js';
import { weakCryptoRules } from './weak-crypto.js';

/** Every rule set the one-pass code scan runs, one per control. */
export const codeRuleSets: readonly CodeRuleSet[] = [weakCryptoRules, plaintextTransportRules, sqlInjectionRules, unsafeHtmlRules, suppressionRules, customerDataRules];
