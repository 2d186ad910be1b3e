import type { Control } from '../../engine/control.js';
import dockerfileRunsAsNonRoot from './dockerfile-runs-as-non-root.js';

/** The containers controls; one file each, registered here. */
export const controls: Control[] = [dockerfileRunsAsNonRoot];
