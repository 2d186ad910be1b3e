import type { Control } from '../../engine/control.js';
import noWeakCryptoPrimitives from './no-weak-crypto-primitives.js';
import noPlaintextTransport from './no-plaintext-transport.js';
import noSqlInjectionPatterns from './no-sql-injection-patterns.js';
import noUnsafeHtmlRendering from './no-unsafe-html-rendering.js';
import inlineSuppressionsJustified from './inline-suppressions-justified.js';
import noCustomerDataInRepo from './no-customer-data-in-repo.js';
import noIpOnlyAccessControl from './no-ip-only-access-control.js';

/** The application-code controls (patterns in first-party source); one file each, registered here. */
export const controls: Control[] = [
  noWeakCryptoPrimitives,
  noPlaintextTransport,
  noSqlInjectionPatterns,
  noUnsafeHtmlRendering,
  inlineSuppressionsJustified,
  noCustomerDataInRepo,
  noIpOnlyAccessControl,
];
