/**
 * Node.js release lines (https://github.com/nodejs/Release): when each was released, entered LTS and
 * reaches end of life. Odd lines never become LTS. Update this table when a line is promoted.
 */
export interface NodeReleaseLine {
  major: number;
  codename?: string;
  released: string;
  /** First day of (active) LTS; absent for lines that are not, or not yet confirmed as, LTS. */
  lts?: string;
  /** An even line whose LTS promotion is not recorded here yet: tenet says `unknown`, not `fail`. */
  ltsPending?: true;
  eol: string;
}

export const NODE_RELEASES: readonly NodeReleaseLine[] = [
  { major: 14, codename: 'fermium', released: '2020-04-21', lts: '2020-10-27', eol: '2023-04-30' },
  { major: 15, released: '2020-10-20', eol: '2021-06-01' },
  { major: 16, codename: 'gallium', released: '2021-04-20', lts: '2021-10-26', eol: '2023-09-11' },
  { major: 17, released: '2021-10-19', eol: '2022-06-01' },
  { major: 18, codename: 'hydrogen', released: '2022-04-19', lts: '2022-10-25', eol: '2025-04-30' },
  { major: 19, released: '2022-10-18', eol: '2023-06-01' },
  { major: 20, codename: 'iron', released: '2023-04-18', lts: '2023-10-24', eol: '2026-04-30' },
  { major: 21, released: '2023-10-17', eol: '2024-06-01' },
  { major: 22, codename: 'jod', released: '2024-04-24', lts: '2024-10-29', eol: '2027-04-30' },
  { major: 23, released: '2024-10-16', eol: '2025-06-01' },
  { major: 24, codename: 'krypton', released: '2025-05-06', lts: '2025-10-28', eol: '2028-04-30' },
  { major: 25, released: '2025-10-15', eol: '2026-06-01' },
  { major: 26, released: '2026-04-22', ltsPending: true, eol: '2029-04-30' },
];

/** Codenames of older LTS lines, for `lts/<codename>` in .nvmrc and Docker tags like `node:erbium`. */
export const OLDER_LTS_CODENAMES: Record<string, number> = { argon: 4, boron: 6, carbon: 8, dubnium: 10, erbium: 12 };
