import type { Control } from '../../engine/control.js';

/** The ci controls; one file each, registered here. */
export const controls: Control[] = [];
