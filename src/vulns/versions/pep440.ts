/** PEP 440 versions (PyPI): epoch, release, pre, post, dev and local segments, compared as `packaging` does. */

export interface Pep440 {
  epoch: bigint;
  release: bigint[];
  pre?: [number, bigint];
  post?: bigint;
  dev?: bigint;
  local: (bigint | string)[];
}

const PEP440 =
  /^v?(?:(\d{1,20})!)?(\d{1,40}(?:\.\d{1,40}){0,40})(?:[-_.]?(a|b|c|rc|alpha|beta|pre|preview)[-_.]?(\d{1,40})?)?(?:-(\d{1,40})|[-_.]?(post|rev|r)[-_.]?(\d{1,40})?)?(?:[-_.]?(dev)[-_.]?(\d{1,40})?)?(?:\+([a-z0-9]{1,64}(?:[-_.][a-z0-9]{1,64}){0,32}))?$/;

const PRE_RANK: Record<string, number> = { a: 0, alpha: 0, b: 1, beta: 1, c: 2, rc: 2, pre: 2, preview: 2 };

export function parsePep440(version: string): Pep440 | undefined {
  const match = PEP440.exec(version.trim().toLowerCase());
  if (!match) return undefined;
  const [, epoch, release, preLabel, preNumber, implicitPost, postLabel, postNumber, devLabel, devNumber, local] = match;
  const parsed: Pep440 = {
    epoch: BigInt(epoch ?? '0'),
    release: (release ?? '0').split('.').map((part) => BigInt(part)),
    local: local ? local.split(/[-_.]/).map((part) => (/^\d+$/.test(part) ? BigInt(part) : part)) : [],
  };
  if (preLabel) parsed.pre = [PRE_RANK[preLabel] ?? 0, BigInt(preNumber ?? '0')];
  if (implicitPost !== undefined) parsed.post = BigInt(implicitPost);
  else if (postLabel) parsed.post = BigInt(postNumber ?? '0');
  if (devLabel) parsed.dev = BigInt(devNumber ?? '0');
  return parsed;
}

const cmp = (a: bigint | number, b: bigint | number): number => (a < b ? -1 : a > b ? 1 : 0);

export function comparePep440Parsed(a: Pep440, b: Pep440): number {
  let diff = cmp(a.epoch, b.epoch);
  if (diff !== 0) return diff;
  const length = Math.max(a.release.length, b.release.length);
  for (let index = 0; index < length; index += 1) {
    diff = cmp(a.release[index] ?? 0n, b.release[index] ?? 0n);
    if (diff !== 0) return diff;
  }
  diff = cmp(preKey(a), preKey(b));
  if (diff !== 0) return diff;
  if (a.pre && b.pre) {
    diff = cmp(a.pre[0], b.pre[0]) || cmp(a.pre[1], b.pre[1]);
    if (diff !== 0) return diff;
  }
  // No post release sorts below any post release.
  diff = a.post === undefined ? (b.post === undefined ? 0 : -1) : b.post === undefined ? 1 : cmp(a.post, b.post);
  if (diff !== 0) return diff;
  // No dev release sorts above any dev release.
  diff = a.dev === undefined ? (b.dev === undefined ? 0 : 1) : b.dev === undefined ? -1 : cmp(a.dev, b.dev);
  if (diff !== 0) return diff;
  return compareLocal(a.local, b.local);
}

/** 0: a dev-only release sorts before pre-releases; 1: a pre-release; 2: no pre-release. */
function preKey(version: Pep440): number {
  if (version.pre) return 1;
  if (version.post === undefined && version.dev !== undefined) return 0;
  return 2;
}

function compareLocal(a: (bigint | string)[], b: (bigint | string)[]): number {
  const length = Math.max(a.length, b.length);
  for (let index = 0; index < length; index += 1) {
    const left = a[index];
    const right = b[index];
    if (left === undefined) return -1;
    if (right === undefined) return 1;
    if (typeof left === 'bigint' && typeof right === 'bigint') {
      const diff = cmp(left, right);
      if (diff !== 0) return diff;
    } else if (typeof left === 'bigint') {
      return 1;
    } else if (typeof right === 'bigint') {
      return -1;
    } else if (left !== right) {
      return left < right ? -1 : 1;
    }
  }
  return 0;
}
