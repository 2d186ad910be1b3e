import type { Control } from '../../engine/control.js';
import noSecretsInTree from './no-secrets-in-tree.js';
import noSecretsInHistory from './no-secrets-in-history.js';
import noEnvFilesCommitted from './no-env-files-committed.js';
import noKeyMaterialCommitted from './no-key-material-committed.js';

/** The secrets controls; one file each, registered here. */
export const controls: Control[] = [noSecretsInTree, noSecretsInHistory, noEnvFilesCommitted, noKeyMaterialCommitted];
