import type { Control } from '../../engine/control.js';

/** The containers controls; one file each, registered here. */
export const controls: Control[] = [];
