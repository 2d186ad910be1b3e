import type { Control } from '../../engine/control.js';
import lockfilePresent from './lockfile-present.js';
import lockfileHasIntegrityHashes from './lockfile-has-integrity-hashes.js';
import lockfileSourcesAreTrusted from './lockfile-sources-are-trusted.js';
import dependenciesPinned from './dependencies-pinned.js';
import dependenciesFreeOfKnownVulnerabilities from './dependencies-free-of-known-vulnerabilities.js';
import vulnerabilityScanningInCi from './vulnerability-scanning-in-ci.js';
import dependencyUpdatesAutomated from './dependency-updates-automated.js';
import noTrivialDependencies from './no-trivial-dependencies.js';
import noDependencyInstallScripts from './no-dependency-install-scripts.js';
import dependenciesAreMature from './dependencies-are-mature.js';
import runtimeIsLts from './runtime-is-lts.js';
import dependencyUpdatesRequireReview from './dependency-updates-require-review.js';

/** The supply-chain controls, in catalog order; one file each, registered here. */
export const controls: Control[] = [
  lockfilePresent,
  lockfileHasIntegrityHashes,
  lockfileSourcesAreTrusted,
  dependenciesPinned,
  dependenciesFreeOfKnownVulnerabilities,
  vulnerabilityScanningInCi,
  dependencyUpdatesAutomated,
  noTrivialDependencies,
  noDependencyInstallScripts,
  dependenciesAreMature,
  runtimeIsLts,
  dependencyUpdatesRequireReview,
];
