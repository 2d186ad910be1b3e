import type { Control } from '../engine/control.js';
import { resolveParams } from '../engine/params.js';
import type { ControlVariant } from '../engine/run.js';
import type { ControlResult } from '../core/result.js';
import { splitControls } from './evaluate.js';
import type { Pack, PackRequirement } from './types.js';

export interface PackPlan {
  /** Runs with parameters other than the configured ones, one per control and distinct parameter set. */
  variants: ControlVariant[];
  /** Every problem with the packs' control ids and parameters. */
  problems: string[];
  /** Picks, from the scan's control results, the one a requirement's control produced with its parameters. */
  resultFor(results: readonly ControlResult[]): (requirement: PackRequirement, controlId: string) => ControlResult | undefined;
}

/**
 * A control runs once with the configured parameters (defaults under `.tenet.yml` params). Where a
 * pack or a requirement sets parameters (they go over the configured ones: the pack is the policy),
 * the control runs again with each distinct resulting set, and only the requirements that asked for
 * that set read that result. Two packs asking for the same values share one run.
 */
export function planPackRuns(
  packs: readonly Pack[],
  selected: readonly Control[],
  available: ReadonlySet<string>,
  configParams: Record<string, Record<string, unknown>> | undefined,
  baseParams: ReadonlyMap<string, Record<string, unknown>>,
): PackPlan {
  const controlsById = new Map(selected.map((control) => [control.meta.id, control]));
  const registered = new Set(available);
  const variants = new Map<string, ControlVariant>();
  const chosen = new WeakMap<PackRequirement, Map<string, string>>();
  const problems: string[] = [];

  for (const pack of packs) {
    for (const [index, requirement] of pack.requirements.entries()) {
      const where = `pack ${pack.id}${pack.origin === 'builtin' ? '' : ` (${pack.origin})`}, requirements[${index}] (${requirement.id})`;
      if (pack.origin !== 'builtin') {
        for (const id of requirement.controls) if (!registered.has(id)) problems.push(`${where}: unknown control '${id}' (see \`tenet controls\`; list controls still to be built under plannedControls)`);
      }
      for (const id of splitControls(requirement, registered).controls) {
        const control = controlsById.get(id);
        const override = requirement.params[id];
        if (!control || !override || Object.keys(override).length === 0) continue;
        const resolved = resolveParams(control, { ...(configParams?.[id] ?? {}), ...override }, `${where}: params.${id}`);
        problems.push(...resolved.problems);
        const base = baseParams.get(id) ?? {};
        const label = variantLabel(base, resolved.params);
        if (!label) continue;
        const key = `${id}\u0000${label}`;
        if (!variants.has(key)) variants.set(key, { control, params: resolved.params, variant: label });
        let forRequirement = chosen.get(requirement);
        if (!forRequirement) chosen.set(requirement, (forRequirement = new Map()));
        forRequirement.set(id, label);
      }
    }
  }

  return {
    variants: [...variants.values()],
    problems: [...new Set(problems)],
    resultFor(results) {
      const byKey = new Map(results.map((result) => [`${result.id}\u0000${result.variant ?? ''}`, result]));
      return (requirement, controlId) => {
        const label = chosen.get(requirement)?.get(controlId);
        // A control that could not run (no --github, say) has only its base result, and it says why.
        return (label ? byKey.get(`${controlId}\u0000${label}`) : undefined) ?? byKey.get(`${controlId}\u0000`);
      };
    },
  };
}

/** `approvals=2, visibility=private` for the values that differ from the configured run; empty when none does. */
export function variantLabel(base: Record<string, unknown>, params: Record<string, unknown>): string {
  return Object.keys(params)
    .sort()
    .filter((name) => JSON.stringify(params[name]) !== JSON.stringify(base[name]))
    .map((name) => `${name}=${typeof params[name] === 'string' ? String(params[name]) : JSON.stringify(params[name])}`)
    .join(', ');
}
