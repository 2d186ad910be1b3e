import type { Control } from '../../engine/control.js';
import dependenciesFreeOfKnownVulnerabilities from './dependencies-free-of-known-vulnerabilities.js';

/** The supply-chain controls; one file each, registered here. */
export const controls: Control[] = [dependenciesFreeOfKnownVulnerabilities];
