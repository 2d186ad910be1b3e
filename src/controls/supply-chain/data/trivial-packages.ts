import type { Ecosystem } from '../../../core/package-inventory.js';

/**
 * Micro-packages: a line or two of code each, published as a dependency. Each is another maintainer
 * account and release pipeline to trust (left-pad's removal broke thousands of builds). Extend with
 * the `packages` parameter.
 */
export const TRIVIAL_PACKAGES: Partial<Record<Ecosystem, readonly string[]>> = {
  npm: [
    'is-even',
    'is-odd',
    'left-pad',
    'pad-left',
    'right-pad',
    'is-number',
    'is-array',
    'isarray',
    'is-string',
    'is-boolean',
    'is-positive',
    'is-negative',
    'is-positive-integer',
    'is-negative-zero',
    'is-integer',
    'is-undefined',
    'is-null',
    'is-nil',
    'is-function',
    'is-true',
    'is-false',
    'is-object',
    'is-nan',
    'is-zero',
    'is-one',
    'is-ten',
    'is-thirteen',
    'noop',
    'noop2',
    'noop3',
    'no-op',
    'array-first',
    'array-last',
    'first-element',
    'last-element',
    'is-uppercase',
    'is-lowercase',
    'to-uppercase',
    'is-empty-string',
  ],
};
