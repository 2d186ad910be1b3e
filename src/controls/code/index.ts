import type { Control } from '../../engine/control.js';

/** The application-code controls (patterns in first-party source); one file each, registered here. */
export const controls: Control[] = [];
