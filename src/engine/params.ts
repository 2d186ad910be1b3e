import type { Control, ParamSpec } from './control.js';

/**
 * The parameters a control runs with: its defaults, overridden by the configuration (and, through
 * it, by packs). Returns the problems found, each with its path in the configuration.
 */
export function resolveParams(
  control: Control,
  overrides: Record<string, unknown> | undefined,
  where: string,
): { params: Record<string, unknown>; problems: string[] } {
  const specs = control.meta.params ?? {};
  const params: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const [name, spec] of Object.entries(specs)) params[name] = spec.default;
  for (const [name, value] of Object.entries(overrides ?? {})) {
    const spec = specs[name];
    if (!spec) {
      const known = Object.keys(specs);
      problems.push(`${where}.${name}: unknown parameter of ${control.meta.id}${known.length ? ` (known: ${known.join(', ')})` : ' (it takes none)'}`);
      continue;
    }
    const problem = checkValue(spec, value);
    if (problem) problems.push(`${where}.${name}: ${problem}`);
    else params[name] = value;
  }
  return { params, problems };
}

function checkValue(spec: ParamSpec, value: unknown): string | undefined {
  switch (spec.type) {
    case 'number':
      if (typeof value !== 'number' || Number.isNaN(value)) return 'must be a number';
      if (spec.minimum !== undefined && value < spec.minimum) return `must be at least ${spec.minimum}`;
      if (spec.maximum !== undefined && value > spec.maximum) return `must be at most ${spec.maximum}`;
      return undefined;
    case 'string':
      if (typeof value !== 'string') return 'must be a string';
      if (spec.enum && !spec.enum.includes(value)) return `must be one of ${spec.enum.join(', ')}`;
      return undefined;
    case 'boolean':
      return typeof value === 'boolean' ? undefined : 'must be true or false';
    case 'string[]':
      return Array.isArray(value) && value.every((item) => typeof item === 'string') ? undefined : 'must be a list of strings';
  }
}
