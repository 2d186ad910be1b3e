/** A parsed JSON/YAML/TOML mapping (not an array, not null): the one check every reader of untyped data needs. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
