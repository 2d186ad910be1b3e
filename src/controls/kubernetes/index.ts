import type { Control } from '../../engine/control.js';
import k8sRunsAsNonRoot from './k8s-runs-as-non-root.js';
import k8sReadOnlyRootFilesystem from './k8s-read-only-root-filesystem.js';
import k8sNoPrivilegeEscalation from './k8s-no-privilege-escalation.js';
import k8sCapabilitiesDropped from './k8s-capabilities-dropped.js';
import k8sSeccompProfileSet from './k8s-seccomp-profile-set.js';
import k8sNoHostNamespaces from './k8s-no-host-namespaces.js';
import k8sNoHostPathMounts from './k8s-no-host-path-mounts.js';
import k8sResourceLimitsSet from './k8s-resource-limits-set.js';
import k8sProbesConfigured from './k8s-probes-configured.js';
import k8sMultipleReplicas from './k8s-multiple-replicas.js';
import k8sDisruptionBudgetDefined from './k8s-disruption-budget-defined.js';
import k8sImagesPinned from './k8s-images-pinned.js';
import k8sSecretsNotInEnvLiterals from './k8s-secrets-not-in-env-literals.js';
import k8sServiceAccountTokenNotAutomounted from './k8s-service-account-token-not-automounted.js';
import k8sRbacLeastPrivilege from './k8s-rbac-least-privilege.js';
import k8sDefaultDenyNetworkPolicy from './k8s-default-deny-network-policy.js';
import k8sWritableMountsLimited from './k8s-writable-mounts-limited.js';
import workloadsAutoscaled from './workloads-autoscaled.js';
import servicesIsolatedPerContainer from './services-isolated-per-container.js';

/** The kubernetes controls; one file each, registered here. */
export const controls: Control[] = [
  k8sRunsAsNonRoot,
  k8sReadOnlyRootFilesystem,
  k8sNoPrivilegeEscalation,
  k8sCapabilitiesDropped,
  k8sSeccompProfileSet,
  k8sNoHostNamespaces,
  k8sNoHostPathMounts,
  k8sResourceLimitsSet,
  k8sProbesConfigured,
  k8sMultipleReplicas,
  k8sDisruptionBudgetDefined,
  k8sImagesPinned,
  k8sSecretsNotInEnvLiterals,
  k8sServiceAccountTokenNotAutomounted,
  k8sRbacLeastPrivilege,
  k8sDefaultDenyNetworkPolicy,
  k8sWritableMountsLimited,
  workloadsAutoscaled,
  servicesIsolatedPerContainer,
];
