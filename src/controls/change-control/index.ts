import type { Control } from '../../engine/control.js';
import commitsAreSigned from './commits-are-signed.js';
import changesArriveViaPullRequests from './changes-arrive-via-pull-requests.js';
import codeownersCoverRepository from './codeowners-cover-repository.js';
import defaultBranchProtected from './default-branch-protected.js';
import reviewsRequiredBeforeMerge from './reviews-required-before-merge.js';
import branchProtectionAppliesToAdmins from './branch-protection-applies-to-admins.js';
import forcePushAndDeletionBlocked from './force-push-and-deletion-blocked.js';
import statusChecksRequired from './status-checks-required.js';
import repositoryVisibilityMatchesPolicy from './repository-visibility-matches-policy.js';
import signingKeysHardwareBacked from './signing-keys-hardware-backed.js';
import commitAuthorsIdentified from './commit-authors-identified.js';
import changesIncludeTests from './changes-include-tests.js';
import codeOwnerReviewRequired from './code-owner-review-required.js';
import deployKeysReadOnly from './deploy-keys-read-only.js';
import orgRequires2fa from './org-requires-2fa.js';
import mergedChangesReviewed from './merged-changes-reviewed.js';

/** The change-control controls; one file each, registered here. */
export const controls: Control[] = [
  commitsAreSigned,
  changesArriveViaPullRequests,
  codeownersCoverRepository,
  defaultBranchProtected,
  reviewsRequiredBeforeMerge,
  branchProtectionAppliesToAdmins,
  forcePushAndDeletionBlocked,
  statusChecksRequired,
  repositoryVisibilityMatchesPolicy,
  signingKeysHardwareBacked,
  commitAuthorsIdentified,
  changesIncludeTests,
  codeOwnerReviewRequired,
  deployKeysReadOnly,
  orgRequires2fa,
  mergedChangesReviewed,
];
