import { testControl } from '../../testing/control-table.js';
import control from './license-present.js';

const MIT = `MIT License\n\nCopyright (c) 2026 Example\n\nPermission is hereby granted, free of charge, to any person obtaining a copy\nof this software and associated documentation files (the "Software"), to deal\n`;
const APACHE = `                                 Apache License\n                           Version 2.0, January 2004\n`;

testControl(control, {
  pass: [
    { name: 'MIT licence in LICENSE', files: { LICENSE: MIT, 'index.js': '' } },
    { name: 'Apache-2.0 in LICENSE.txt', files: { 'LICENSE.txt': APACHE } },
    { name: 'GPL in COPYING', files: { COPYING: 'GNU GENERAL PUBLIC LICENSE\n Version 3, 29 June 2007\n' } },
  ],
  fail: [
    { name: 'no licence file', files: { 'index.js': '' }, findings: [{ message: 'no licence file' }] },
    {
      name: 'package.json declares a licence but ships no text',
      files: { 'package.json': '{"name":"x","license":"MIT"}' },
      findings: [{ message: 'package.json declares "MIT"' }],
    },
    { name: 'proprietary terms', files: { LICENSE: 'Copyright 2026 Example Corp. All rights reserved.\n' }, findings: [{ file: 'LICENSE', line: 1 }] },
    { name: 'licence file only in a subdirectory', files: { 'docs/LICENSE': MIT } },
  ],
  notApplicable: [{ name: 'empty repository', files: {} }],
});
