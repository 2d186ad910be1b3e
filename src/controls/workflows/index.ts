import type { Control } from '../../engine/control.js';

/** The workflows controls; one file each, registered here. */
export const controls: Control[] = [];
