import { severityRank, type ControlResult, type ScanResult, type Severity } from '../core/result.js';

export const EXIT_OK = 0;
export const EXIT_FAILURES = 1;
export const EXIT_USAGE = 2;

export type FailOn = Severity | 'none';

/**
 * 1 when something fails at or above `failOn`: a failing requirement, judged by the most severe of
 * its failing controls, or a failing control. A failing control whose every requirement in the
 * evaluated packs is accepted by a requirement deviation does not count: that deviation is the
 * approved exception for exactly this failure. A control no requirement maps still counts alone.
 */
export function exitCodeFor(result: ScanResult, failOn: FailOn): number {
  if (failOn === 'none') return EXIT_OK;
  const threshold = severityRank(failOn);
  const atOrAbove = (severity: Severity | undefined): boolean => severity !== undefined && severityRank(severity) >= threshold;
  const requirements = result.policies.flatMap((policy) => policy.requirements);

  const failingRequirement = requirements.some(
    (requirement) => requirement.status === 'fail' && atOrAbove(requirement.severity ?? severityOfFailingControls(result, requirement.controls)),
  );
  if (failingRequirement) return EXIT_FAILURES;

  const failingControl = result.controls.some((control) => {
    if (control.status !== 'fail' || !atOrAbove(control.severity)) return false;
    const users = requirements.filter((requirement) => usesResult(requirement, control));
    return users.length === 0 || !users.every((requirement) => requirement.status === 'deviated');
  });
  return failingControl ? EXIT_FAILURES : EXIT_OK;
}

function usesResult(requirement: ScanResult['policies'][number]['requirements'][number], control: ControlResult): boolean {
  if (requirement.results) return requirement.results.some((entry) => entry.control === control.id && (entry.variant ?? '') === (control.variant ?? ''));
  return !control.variant && requirement.controls.includes(control.id);
}

/** For results without `severity` (written by older versions): the most severe failing base control it maps. */
function severityOfFailingControls(result: ScanResult, ids: readonly string[]): Severity | undefined {
  const failing = result.controls.filter((control) => !control.variant && control.status === 'fail' && ids.includes(control.id));
  return failing.sort((a, b) => severityRank(b.severity) - severityRank(a.severity))[0]?.severity;
}
