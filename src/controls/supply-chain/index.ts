import type { Control } from '../../engine/control.js';
import lockfilePresent from './lockfile-present.js';
import lockfileHasIntegrityHashes from './lockfile-has-integrity-hashes.js';
import lockfileSourcesAreTrusted from './lockfile-sources-are-trusted.js';
import dependenciesPinned from './dependencies-pinned.js';
import vulnerabilityScanningInCi from './vulnerability-scanning-in-ci.js';
import dependencyUpdatesAutomated from './dependency-updates-automated.js';
import noTrivialDependencies from './no-trivial-dependencies.js';
import noDependencyInstallScripts from './no-dependency-install-scripts.js';
import dependenciesAreMature from './dependencies-are-mature.js';
import runtimeIsLts from './runtime-is-lts.js';

/** The supply-chain controls; one file each, registered here. */
export const controls: Control[] = [lockfilePresent, lockfileHasIntegrityHashes, lockfileSourcesAreTrusted, dependenciesPinned, vulnerabilityScanningInCi, dependencyUpdatesAutomated, noTrivialDependencies, noDependencyInstallScripts, dependenciesAreMature, runtimeIsLts];
