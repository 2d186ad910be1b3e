import type { Control } from '../../engine/control.js';

/** The secrets controls; one file each, registered here. */
export const controls: Control[] = [];
