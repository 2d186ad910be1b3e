import semver from 'semver';
import { NODE_RELEASES, OLDER_LTS_CODENAMES } from './data/node-releases.js';

export type LtsVerdict =
  | { status: 'lts'; summary: string }
  | { status: 'not-lts'; summary: string }
  | { status: 'unknown'; summary: string };

const CODENAMES: Record<string, number> = {
  ...OLDER_LTS_CODENAMES,
  ...Object.fromEntries(NODE_RELEASES.flatMap((line) => (line.codename ? [[line.codename, line.major]] : []))),
};

/**
 * Judges a declared Node.js version (`20`, `v22.1.0`, `lts/iron`, `>=20`, a Docker tag such as
 * `22-alpine`) against the release schedule at `now`. A range is judged by the lowest version it
 * admits: that floor is what the project tells its users it supports, so it must itself be a
 * supported LTS line.
 */
export function judgeNodeVersion(declared: string, now: Date): LtsVerdict {
  const value = declared.trim().replace(/^["']|["']$/g, '').toLowerCase();
  if (value === '' || value.includes('$')) return { status: 'unknown', summary: `"${declared}" is not a literal version` };
  if (/^lts(\/\*|\/)?$/.test(value) || /^lts-/.test(value)) return { status: 'lts', summary: 'follows the newest LTS line' };
  const codename = /^(?:lts\/)?([a-z]+)(?:-.*)?$/.exec(value)?.[1];
  if (codename && codename in CODENAMES) return judgeMajor(CODENAMES[codename] ?? 0, now, declared);
  if (/^(node|latest|current|stable|alpine|slim|bullseye|bookworm|trixie|buster|jammy|noble)(-.*)?$/.test(value)) {
    return { status: 'not-lts', summary: `"${declared}" follows the newest release, which is not an LTS line half of the year` };
  }
  // Docker tags carry variants after the version (`20.11-bookworm-slim`).
  const candidate = /^v?\d[\d.x*]*-[a-z]/.test(value) ? value.replace(/^v/, '').split('-')[0] ?? value : value.replace(/^v(?=\d)/, '');
  const range = semver.validRange(candidate);
  if (range === null) return { status: 'unknown', summary: `"${declared}" is not a version tenet can read` };
  let minimum: semver.SemVer | null;
  try {
    minimum = semver.minVersion(range);
  } catch {
    minimum = null;
  }
  if (!minimum) return { status: 'unknown', summary: `"${declared}" admits no version` };
  return judgeMajor(minimum.major, now, declared);
}

function judgeMajor(major: number, now: Date, declared: string): LtsVerdict {
  const today = now.toISOString().slice(0, 10);
  const line = NODE_RELEASES.find((release) => release.major === major);
  const oldest = NODE_RELEASES[0]?.major ?? 0;
  const newest = NODE_RELEASES[NODE_RELEASES.length - 1]?.major ?? 0;
  const admits = `"${declared}" means Node.js ${major}`;
  if (!line) {
    if (major < oldest) return { status: 'not-lts', summary: `${admits}, long past end of life` };
    return { status: 'unknown', summary: `${admits}, newer than tenet's release schedule (latest known: ${newest})` };
  }
  if (line.eol <= today) return { status: 'not-lts', summary: `${admits}, which reached end of life on ${line.eol}` };
  if (line.ltsPending) return { status: 'unknown', summary: `${admits}, whose LTS promotion is not recorded in tenet's release schedule` };
  if (!line.lts) return { status: 'not-lts', summary: `${admits}, a Current (odd-numbered) line that never becomes LTS (end of life ${line.eol})` };
  if (line.lts > today) return { status: 'not-lts', summary: `${admits}, which is not LTS until ${line.lts}` };
  return { status: 'lts', summary: `${admits}, LTS until ${line.eol}` };
}
