import type { FindingInput } from '../../engine/control.js';
import type { LockedPackage, LockfileInfo } from '../../core/package-inventory.js';

/** A lockfile tenet could not read: its packages cannot be judged, so the control cannot pass. */
export function unsupportedFinding(lockfile: LockfileInfo): FindingInput {
  return {
    message: `${lockfile.file} could not be judged: ${lockfile.reason ?? 'unsupported format'}`,
    file: lockfile.file,
    key: `unsupported:${lockfile.file}`,
    outcome: 'unknown',
  };
}

export function packageLabel(pkg: LockedPackage): string {
  return pkg.version ? `${pkg.name}@${pkg.version}` : pkg.name;
}
