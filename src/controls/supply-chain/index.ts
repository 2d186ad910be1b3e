import type { Control } from '../../engine/control.js';
import lockfilePresent from './lockfile-present.js';
import lockfileHasIntegrityHashes from './lockfile-has-integrity-hashes.js';
import lockfileSourcesAreTrusted from './lockfile-sources-are-trusted.js';
import dependenciesPinned from './dependencies-pinned.js';

/** The supply-chain controls; one file each, registered here. */
export const controls: Control[] = [lockfilePresent, lockfileHasIntegrityHashes, lockfileSourcesAreTrusted, dependenciesPinned];
