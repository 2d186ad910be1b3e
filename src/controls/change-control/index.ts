import type { Control } from '../../engine/control.js';

/** The change-control controls; one file each, registered here. */
export const controls: Control[] = [];
