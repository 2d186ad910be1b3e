/** Registries tenet trusts by default: each ecosystem's public registry and the hosts it serves files from. */
export const DEFAULT_ALLOWED_REGISTRIES = [
  'registry.npmjs.org',
  'registry.yarnpkg.com',
  'pypi.org',
  'files.pythonhosted.org',
  'crates.io',
  'static.crates.io',
  'index.crates.io',
  // Cargo.lock names the crates.io index by its git URL.
  'github.com/rust-lang/crates.io-index',
  'proxy.golang.org',
  'rubygems.org',
  'repo.packagist.org',
  // Packagist records its packages' dist archives as GitHub API zipballs.
  'api.github.com/repos/',
] as const;

export type SourceVerdict = { trusted: true } | { trusted: false; why: string };

/**
 * Judges where a locked package is fetched from: https from an allowed registry (host, or host plus
 * path prefix) passes; git, plain http, local files and anything else fail.
 */
export function judgeSource(resolved: string, allowed: readonly string[]): SourceVerdict {
  const source = resolved.trim();
  if (/^(git\+|git:|git@|ssh:|github:|gitlab:|bitbucket:|gist:)/i.test(source) || /\.git(#|@|$)|#commit=/.test(source)) {
    return { trusted: false, why: 'fetched from a git repository' };
  }
  if (/^http:\/\//i.test(source)) return { trusted: false, why: 'fetched over plain http' };
  if (/^(file:|link:|\.{0,2}\/)/i.test(source)) return { trusted: false, why: 'installed from a local file' };
  let url: URL;
  try {
    url = new URL(source);
  } catch {
    return { trusted: false, why: 'from an unrecognised source' };
  }
  if (url.protocol !== 'https:') return { trusted: false, why: `fetched over ${url.protocol.replace(/:$/, '')}` };
  const host = url.hostname.toLowerCase();
  const ok = allowed.some((entry) => {
    const slash = entry.indexOf('/');
    const allowedHost = (slash === -1 ? entry : entry.slice(0, slash)).toLowerCase();
    const prefix = slash === -1 ? '' : entry.slice(slash);
    return host === allowedHost && url.pathname.startsWith(prefix);
  });
  return ok ? { trusted: true } : { trusted: false, why: `from ${host}, which is not an allowed registry` };
}
