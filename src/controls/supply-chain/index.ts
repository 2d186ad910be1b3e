import type { Control } from '../../engine/control.js';

/** The supply-chain controls; one file each, registered here. */
export const controls: Control[] = [];
