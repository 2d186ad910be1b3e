/** A container image reference split into its parts: `[registry/]repository[:tag][@digest]`. */
export interface ImageReference {
  /** Registry and repository, e.g. `gcr.io/distroless/nodejs20-debian12` or `node`. */
  repository: string;
  tag?: string;
  digest?: string;
}

export function parseImageReference(reference: string): ImageReference {
  const at = reference.indexOf('@');
  const digest = at === -1 ? undefined : reference.slice(at + 1);
  const withoutDigest = at === -1 ? reference : reference.slice(0, at);
  const colon = withoutDigest.lastIndexOf(':');
  const hasTag = colon > withoutDigest.lastIndexOf('/');
  const parsed: ImageReference = { repository: hasTag ? withoutDigest.slice(0, colon) : withoutDigest };
  if (hasTag) parsed.tag = withoutDigest.slice(colon + 1);
  if (digest !== undefined) parsed.digest = digest;
  return parsed;
}

const DIGEST = /^sha256:[0-9a-f]{64}$/i;

/**
 * Why an image is not pinned, or undefined when it is: a sha256 digest pins it; with `allowTag`, an
 * explicit tag other than `latest` is enough.
 */
export function unpinnedReason(reference: string, allowTag: boolean): string | undefined {
  const image = parseImageReference(reference);
  if (image.digest !== undefined) return DIGEST.test(image.digest) ? undefined : `its digest '${image.digest}' is not a sha256 digest`;
  if (image.tag === undefined) return 'it has no tag or digest (latest is implied)';
  if (image.tag === 'latest') return "it uses the 'latest' tag";
  return allowTag ? undefined : `it is pinned by tag '${image.tag}', not by digest`;
}
