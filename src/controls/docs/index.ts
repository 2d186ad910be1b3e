import type { Control } from '../../engine/control.js';
import securityPolicyPresent from './security-policy-present.js';
import licensePresent from './license-present.js';
import privacyNoticePresent from './privacy-notice-present.js';
import environmentsSeparated from './environments-separated.js';
import crashReportingScrubsPii from './crash-reporting-scrubs-pii.js';
import webSecurityMiddlewareEnabled from './web-security-middleware-enabled.js';
import deviationsAreApproved from './deviations-are-approved.js';
import threatModelCurrent from './threat-model-current.js';

/** The docs and process controls; one file each, registered here. */
export const controls: Control[] = [
  securityPolicyPresent,
  licensePresent,
  privacyNoticePresent,
  environmentsSeparated,
  crashReportingScrubsPii,
  webSecurityMiddlewareEnabled,
  deviationsAreApproved,
  threatModelCurrent,
];
