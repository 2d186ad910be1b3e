import type { Control } from '../../engine/control.js';

/** The terraform controls; one file each, registered here. */
export const controls: Control[] = [];
