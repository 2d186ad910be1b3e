import type { Control } from '../../engine/control.js';
import dependenciesFreeOfKnownVulnerabilities from './dependencies-free-of-known-vulnerabilities.js';
import dependencyUpdatesRequireReview from './dependency-updates-require-review.js';

/** The supply-chain controls; one file each, registered here. */
export const controls: Control[] = [
  dependenciesFreeOfKnownVulnerabilities,
  dependencyUpdatesRequireReview,
];
