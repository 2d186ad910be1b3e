import type { Control } from '../../engine/control.js';
import tfDataEncryptedAtRest from './tf-data-encrypted-at-rest.js';
import tfEncryptionUsesManagedKeys from './tf-encryption-uses-managed-keys.js';
import tfKmsKeyRotationEnabled from './tf-kms-key-rotation-enabled.js';
import tfBackupsEnabled from './tf-backups-enabled.js';
import tfBackupsEncrypted from './tf-backups-encrypted.js';
import tfTlsEnforced from './tf-tls-enforced.js';
import tfDataStoresNotPublic from './tf-data-stores-not-public.js';
import tfNoUnrestrictedAdminIngress from './tf-no-unrestricted-admin-ingress.js';
import tfIamLeastPrivilege from './tf-iam-least-privilege.js';
import tfAuditLoggingEnabled from './tf-audit-logging-enabled.js';
import tfLogRetentionBounded from './tf-log-retention-bounded.js';
import tfDatabasesRedundant from './tf-databases-redundant.js';
import tfDeletionProtectionEnabled from './tf-deletion-protection-enabled.js';
import tfIamRequiresMfa from './tf-iam-requires-mfa.js';
import tfKmsAccessRestricted from './tf-kms-access-restricted.js';
import secretAccessScoped from './secret-access-scoped.js';
import pointInTimeRecoveryEnabled from './point-in-time-recovery-enabled.js';
import tfKeysHsmBacked from './tf-keys-hsm-backed.js';
import databaseCredentialsDynamic from './database-credentials-dynamic.js';
import tfInstancesSelfHealing from './tf-instances-self-healing.js';
import infrastructureDefinedAsCode from './infrastructure-defined-as-code.js';

/** The terraform controls; one file each, registered here. */
export const controls: Control[] = [
  tfDataEncryptedAtRest,
  tfEncryptionUsesManagedKeys,
  tfKmsKeyRotationEnabled,
  tfBackupsEnabled,
  tfBackupsEncrypted,
  tfTlsEnforced,
  tfDataStoresNotPublic,
  tfNoUnrestrictedAdminIngress,
  tfIamLeastPrivilege,
  tfAuditLoggingEnabled,
  tfLogRetentionBounded,
  tfDatabasesRedundant,
  tfDeletionProtectionEnabled,
  tfIamRequiresMfa,
  tfKmsAccessRestricted,
  secretAccessScoped,
  pointInTimeRecoveryEnabled,
  tfKeysHsmBacked,
  databaseCredentialsDynamic,
  tfInstancesSelfHealing,
  infrastructureDefinedAsCode,
];
