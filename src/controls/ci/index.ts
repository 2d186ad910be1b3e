import type { Control } from '../../engine/control.js';
import ciConfigured from './ci-configured.js';
import ciRunsTests from './ci-runs-tests.js';
import ciRunsLint from './ci-runs-lint.js';
import ciRunsBuild from './ci-runs-build.js';
import lintConfigured from './lint-configured.js';
import testsPresent from './tests-present.js';
import typescriptStrict from './typescript-strict.js';
import typescriptUsed from './typescript-used.js';
import releasesBuiltByCi from './releases-built-by-ci.js';
import deploymentsGatedByEnvironment from './deployments-gated-by-environment.js';
import deployRequiresPassingTests from './deploy-requires-passing-tests.js';
import sastInCi from './sast-in-ci.js';
import secretScanningInCi from './secret-scanning-in-ci.js';
import ciVerifiesCommitSignatures from './ci-verifies-commit-signatures.js';
import layeredSecurityTooling from './layered-security-tooling.js';

/** The ci controls; one file each, registered here. */
export const controls: Control[] = [
  ciConfigured,
  ciRunsTests,
  ciRunsLint,
  ciRunsBuild,
  lintConfigured,
  testsPresent,
  typescriptStrict,
  typescriptUsed,
  releasesBuiltByCi,
  deploymentsGatedByEnvironment,
  deployRequiresPassingTests,
  sastInCi,
  secretScanningInCi,
  ciVerifiesCommitSignatures,
  layeredSecurityTooling,
];
