import type { LockedPackage } from '../core/package-inventory.js';

const TYPES: Record<LockedPackage['ecosystem'], string> = {
  npm: 'npm',
  PyPI: 'pypi',
  'crates.io': 'cargo',
  Go: 'golang',
  RubyGems: 'gem',
  Packagist: 'composer',
  Maven: 'maven',
};

const encode = (part: string): string => encodeURIComponent(part).replace(/%2F/gi, '/');

/** The package URL (purl spec) of a locked package: `pkg:npm/%40scope/name@1.0.0`, `pkg:maven/group/artifact@1.0`. */
export function purlOf(pkg: Pick<LockedPackage, 'ecosystem' | 'name' | 'version'>): string {
  const type = TYPES[pkg.ecosystem];
  let name: string;
  switch (pkg.ecosystem) {
    case 'npm':
      name = pkg.name.startsWith('@') ? `%40${encode(pkg.name.slice(1))}` : encode(pkg.name);
      break;
    case 'Maven':
      name = pkg.name.split(':').map(encodeURIComponent).join('/');
      break;
    case 'PyPI':
      name = encodeURIComponent(pkg.name.toLowerCase().replace(/[-_.]+/g, '-'));
      break;
    default:
      name = encode(pkg.name);
  }
  return `pkg:${type}/${name}@${encodeURIComponent(pkg.version)}`;
}
