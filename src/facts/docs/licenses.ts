import path from 'node:path';
import { defineCollector } from '../collector.js';

export interface LicenseFile {
  file: string;
  /** SPDX id of the recognised licence, if any. */
  spdx?: string;
  /** Whether that licence is OSI-approved. */
  osiApproved: boolean;
  readable: boolean;
}

export interface LicenseFacts {
  fileCount: number;
  files: LicenseFile[];
  /** The `license` field of the root package.json or the `[project] license` of pyproject.toml. */
  declared?: string;
}

/** Distinctive phrases of licence texts; each names one SPDX licence. Order matters: most specific first. */
const LICENSE_TEXTS: { spdx: string; osi: boolean; pattern: RegExp }[] = [
  { spdx: 'AGPL-3.0', osi: true, pattern: /GNU AFFERO GENERAL PUBLIC LICENSE/i },
  { spdx: 'LGPL-3.0', osi: true, pattern: /GNU LESSER GENERAL PUBLIC LICENSE\s+Version 3/i },
  { spdx: 'LGPL-2.1', osi: true, pattern: /GNU LESSER GENERAL PUBLIC LICENSE\s+Version 2\.1/i },
  { spdx: 'GPL-3.0', osi: true, pattern: /GNU GENERAL PUBLIC LICENSE\s+Version 3/i },
  { spdx: 'GPL-2.0', osi: true, pattern: /GNU GENERAL PUBLIC LICENSE\s+Version 2/i },
  { spdx: 'Apache-2.0', osi: true, pattern: /Apache License,?\s+Version 2\.0/i },
  { spdx: 'MPL-2.0', osi: true, pattern: /Mozilla Public License,?\s+(Version|v\.?) 2\.0/i },
  { spdx: 'EPL-2.0', osi: true, pattern: /Eclipse Public License - v 2\.0/i },
  { spdx: 'BSL-1.0', osi: true, pattern: /Boost Software License - Version 1\.0/i },
  { spdx: 'Unlicense', osi: true, pattern: /This is free and unencumbered software released into the public domain/i },
  { spdx: '0BSD', osi: true, pattern: /Permission to use, copy, modify, and\/or distribute this software for any purpose with or without fee is hereby granted\.\s+THE SOFTWARE/i },
  { spdx: 'ISC', osi: true, pattern: /Permission to use, copy, modify, and\/or distribute this software for any\s+purpose with or without fee is hereby granted, provided that the above/i },
  { spdx: 'MIT', osi: true, pattern: /Permission is hereby granted, free of charge, to any person obtaining a copy/i },
  { spdx: 'BSD-3-Clause', osi: true, pattern: /Redistribution and use in source and binary forms[\s\S]*(Neither the name|name of the copyright holder)/i },
  { spdx: 'BSD-2-Clause', osi: true, pattern: /Redistribution and use in source and binary forms/i },
  { spdx: 'CC0-1.0', osi: false, pattern: /Creative Commons (Legal Code\s+)?CC0 1\.0/i },
];

const LICENSE_NAME = /^(LICEN[CS]E|COPYING|UNLICENSE)([-._].*)?$/i;

export function identifyLicense(text: string): { spdx: string; osi: boolean } | undefined {
  const head = text.slice(0, 20000).replace(/\r\n/g, '\n').replace(/[ \t]+/g, ' ');
  const match = LICENSE_TEXTS.find((candidate) => candidate.pattern.test(head));
  return match ? { spdx: match.spdx, osi: match.osi } : undefined;
}

/** Licence files at the repository root and what they are. */
export const licenseFacts = defineCollector<LicenseFacts>({
  id: 'licenses',
  description: 'Licence files at the repository root, identified by their text',
  collect({ repo }) {
    const files: LicenseFile[] = [];
    for (const entry of repo.files) {
      if (entry.path.includes('/') || !LICENSE_NAME.test(path.posix.basename(entry.path))) continue;
      const text = repo.readText(entry.path);
      const identified = text === undefined ? undefined : identifyLicense(text);
      files.push({ file: entry.path, spdx: identified?.spdx, osiApproved: identified?.osi ?? false, readable: text !== undefined });
    }
    let declared: string | undefined;
    const manifest = repo.has('package.json') ? repo.json('package.json')?.value : undefined;
    if (manifest && typeof manifest === 'object' && 'license' in manifest && typeof manifest.license === 'string') declared = manifest.license;
    return { fileCount: repo.files.length, files, declared };
  },
});
