import { parseImageReference } from '../../facts/containers/image-reference.js';

/**
 * `node:20` → `docker.io/library/node`, `hashicorp/vault` → `docker.io/hashicorp/vault`,
 * `gcr.io/distroless/base` unchanged: the first path part names a registry only when it looks like
 * a host (a dot, a port or `localhost`), as Docker reads it.
 */
export function canonicalRepository(reference: string): string {
  const repository = parseImageReference(reference.trim()).repository.toLowerCase();
  const slash = repository.indexOf('/');
  const first = slash === -1 ? '' : repository.slice(0, slash);
  if (slash !== -1 && (first.includes('.') || first.includes(':') || first === 'localhost')) {
    const rest = repository.slice(slash + 1);
    if (first === 'index.docker.io' || first === 'registry-1.docker.io' || first === 'docker.io') return dockerHub(rest);
    return repository;
  }
  return dockerHub(repository);
}

function dockerHub(path: string): string {
  return `docker.io/${path.includes('/') ? path : `library/${path}`}`;
}

/** Whether a canonical repository matches a pattern: exact, or `prefix/*` for everything beneath. */
export function matchesPublisher(repository: string, pattern: string): boolean {
  const wildcard = pattern.endsWith('/*');
  const canonical = canonicalRepository(wildcard ? `${pattern.slice(0, -2)}/x` : pattern);
  if (!wildcard) return repository === canonical;
  return repository.startsWith(canonical.slice(0, -1));
}

/** OS families recognised from an image's repository or tag words; '' names the family by the word itself (centos, ubi8 …). */
const REPOSITORY_FAMILIES: [RegExp, string][] = [
  [/^docker\.io\/library\/(?:debian|buildpack-deps)$/, 'debian'],
  [/^docker\.io\/library\/ubuntu$|^docker\.io\/ubuntu\//, 'ubuntu'],
  [/^docker\.io\/(?:library\/archlinux|archlinux\/)/, 'arch'],
  [/^docker\.io\/gentoo\//, 'gentoo'],
  [/^docker\.io\/library\/fedora$|^(?:quay\.io\/fedora|registry\.fedoraproject\.org)\//, 'fedora'],
  [/^quay\.io\/coreos\//, 'coreos'],
  [/(?:^|\/)distroless\//, 'distroless'],
  [/^docker\.io\/library\/(?:alpine|busybox)$/, ''],
  [/^docker\.io\/library\/(?:centos|rockylinux|almalinux|oraclelinux|amazonlinux|clearlinux|photon)$|^docker\.io\/(?:redhat|opensuse|rockylinux|almalinux)\/|^(?:registry\.access\.redhat\.com|registry\.redhat\.io|public\.ecr\.aws\/amazonlinux)\//, ''],
  [/^cgr\.dev\/chainguard\//, 'wolfi'],
  [/^mcr\.microsoft\.com\/windows|(?:^|\/)(?:windows|nanoserver|windowsservercore)(?:\/|$)/, 'windows'],
];
const TAG_FAMILIES: [RegExp, string][] = [
  [/^(?:debian\d{0,3}|bookworm|bullseye|buster|stretch|jessie|trixie|forky|sid)$/, 'debian'],
  [/^(?:ubuntu\d{0,4}|jammy|focal|noble|bionic|xenial|oracular|plucky)$/, 'ubuntu'],
  [/^alpine\d{0,4}$/, 'alpine'],
  [/^(?:centos\d{0,3}|stream\d{0,3}|rockylinux\d{0,3}|almalinux\d{0,3}|amazonlinux\d{0,4}|al2\d{0,4}|ubi\d{0,3}|oraclelinux\d{0,3}|leap|tumbleweed)$/, ''],
  [/^(?:windowsservercore|nanoserver|ltsc\d{4}|servercore)$/, 'windows'],
];

/** The OS family an image reveals by its name or tag, or undefined when it does not say. */
export function osFamilyOf(reference: string): string | undefined {
  const repository = canonicalRepository(reference);
  const last = repository.slice(repository.lastIndexOf('/') + 1);
  for (const [pattern, family] of REPOSITORY_FAMILIES) if (pattern.test(repository)) return family || last;
  const { tag } = parseImageReference(reference.trim());
  const words = [...(tag ?? '').toLowerCase().split(/[-_.]/), ...last.split(/[-_.]/)];
  for (const word of words) {
    for (const [pattern, family] of TAG_FAMILIES) if (pattern.test(word)) return family || word;
  }
  return undefined;
}

/** How an image reference fails the trust lists, or undefined when it passes. */
export function untrustedImageReason(reference: string, publishers: readonly string[], families: readonly string[], checkFamily: boolean): string | undefined {
  const repository = canonicalRepository(reference);
  const family = osFamilyOf(reference);
  if (family === 'windows' && !families.includes('windows')) return `${reference} is a Windows image`;
  if (!publishers.some((pattern) => matchesPublisher(repository, pattern))) {
    const written = parseImageReference(reference.trim()).repository.toLowerCase();
    return `${written}${written === repository ? '' : ` (${repository})`} is not from a trusted publisher`;
  }
  if (checkFamily && family !== undefined && !families.includes(family)) return `${reference} is based on ${family}, outside the trusted OS families (${families.join(', ')})`;
  return undefined;
}
