import type { Control } from '../../engine/control.js';

/** The kubernetes controls; one file each, registered here. */
export const controls: Control[] = [];
