/** Extensions by language, for patterns that only make sense in one of them. */
export const JS = ['.js', '.jsx', '.ts', '.tsx', '.mjs', '.cjs', '.vue', '.svelte'] as const;
export const PY = ['.py'] as const;
export const JVM = ['.java', '.kt', '.kts', '.scala', '.groovy'] as const;
export const GO = ['.go'] as const;
export const PHP = ['.php'] as const;
export const RUBY = ['.rb', '.erb', '.haml'] as const;
export const CSHARP = ['.cs'] as const;
