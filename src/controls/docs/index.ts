import type { Control } from '../../engine/control.js';
import licensePresent from './license-present.js';

/** The docs controls; one file each, registered here. */
export const controls: Control[] = [licensePresent];
