import { defineControl, evaluated, notApplicable } from '../../engine/control.js';
import { webAppFacts } from '../../facts/docs/web-apps.js';

export default defineControl({
  meta: {
    id: 'crash-reporting-scrubs-pii',
    title: 'Crash and error reporting is initialised without sending personal data',
    domain: 'docs',
    severity: 'medium',
    rationale:
      'Error-reporting services receive request data, user identities and IP addresses when told to; personal data then leaves the system with every crash. ' +
      'The code shows how SDKs are initialised; what custom events carry needs review.',
    remediation:
      'Initialise Sentry without sendDefaultPii / send_default_pii, Bugsnag with collectUserIp: false, Rollbar with captureIp: false or "anonymize", and do not attach e-mail addresses or names to crash reports.',
    facts: ['web-apps'],
  },
  async check({ facts }) {
    const { crashReporters, crashReporterPii } = await facts(webAppFacts);
    if (crashReporters.length === 0 && crashReporterPii.length === 0) return notApplicable('no crash or error-reporting SDK is initialised');
    return evaluated(
      crashReporterPii.map((hit) => ({
        message: `crash reporting sends personal data: ${hit.what.replace(/\s*\($/, '')}`,
        file: hit.file,
        line: hit.line,
        key: hit.what,
      })),
      crashReporterPii.length === 0 ? `${crashReporters.length} SDK initialisation(s) without PII settings; partial: custom event data needs review` : undefined,
    );
  },
});
