import type { Control } from '../../engine/control.js';
import tfDataEncryptedAtRest from './tf-data-encrypted-at-rest.js';
import tfEncryptionUsesManagedKeys from './tf-encryption-uses-managed-keys.js';
import tfKmsKeyRotationEnabled from './tf-kms-key-rotation-enabled.js';
import tfBackupsEnabled from './tf-backups-enabled.js';

/** The terraform controls; one file each, registered here. */
export const controls: Control[] = [tfDataEncryptedAtRest, tfEncryptionUsesManagedKeys, tfKmsKeyRotationEnabled, tfBackupsEnabled];
