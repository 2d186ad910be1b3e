import { severityRank, type ScanResult, type Severity } from '../engine/types.js';

export const EXIT_OK = 0;
export const EXIT_FAILURES = 1;
export const EXIT_USAGE = 2;

export type FailOn = Severity | 'none';

/**
 * 1 when something fails at or above `failOn`: a failing requirement (judged by the most severe of its
 * failing controls) when packs were evaluated, otherwise a failing control.
 */
export function exitCodeFor(result: ScanResult, failOn: FailOn): number {
  if (failOn === 'none') return EXIT_OK;
  const threshold = severityRank(failOn);
  const severityOf = new Map(result.controls.map((control) => [control.id, control.severity]));
  const failingControls = result.controls.filter((control) => control.status === 'fail' && severityRank(control.severity) >= threshold);
  const failingRequirements = result.policies.flatMap((policy) =>
    policy.requirements.filter(
      (requirement) =>
        requirement.status === 'fail' &&
        requirement.controls.some((id) => {
          const severity = severityOf.get(id);
          const control = result.controls.find((entry) => entry.id === id);
          return severity !== undefined && control?.status === 'fail' && severityRank(severity) >= threshold;
        }),
    ),
  );
  return failingControls.length > 0 || failingRequirements.length > 0 ? EXIT_FAILURES : EXIT_OK;
}
