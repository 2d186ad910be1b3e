import type { Control } from '../../engine/control.js';
import k8sRunsAsNonRoot from './k8s-runs-as-non-root.js';

/** The kubernetes controls; one file each, registered here. */
export const controls: Control[] = [k8sRunsAsNonRoot];
