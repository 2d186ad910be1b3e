import type { Control } from '../../engine/control.js';
import licensePresent from './license-present.js';
import deviationsAreApproved from './deviations-are-approved.js';

/** The docs controls; one file each, registered here. */
export const controls: Control[] = [licensePresent, deviationsAreApproved];
