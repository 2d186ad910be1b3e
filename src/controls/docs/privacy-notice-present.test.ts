import { testControl } from '../../testing/control-table.js';
import control from './privacy-notice-present.js';

const nextApp = JSON.stringify({ dependencies: { next: '15.0.0', react: '19.0.0', 'react-dom': '19.0.0' } });

testControl(control, {
  pass: [
    {
      name: 'Next.js app with a privacy page and a consent library',
      files: { 'package.json': JSON.stringify({ dependencies: { next: '15.0.0', 'vanilla-cookieconsent': '3.0.0' } }), 'app/privacy/page.tsx': 'export default function Privacy() {}' },
    },
    {
      name: 'Django app with a privacy template and a consent banner component',
      files: {
        'requirements.txt': 'Django==5.1\n',
        'templates/privacy_policy.html': '<h1>Privacy</h1>',
        'templates/base.html': '<div id="cookie-consent">We use cookies</div>',
      },
    },
  ],
  fail: [
    { name: 'neither a privacy page nor consent', files: { 'package.json': nextApp, 'app/page.tsx': '' }, findings: [{ message: 'without a privacy policy', file: 'package.json' }, { message: 'no cookie consent' }] },
    { name: 'a privacy page but no consent', files: { 'package.json': nextApp, 'pages/privacy.tsx': '' }, findings: 1 },
  ],
  notApplicable: [
    { name: 'a command-line tool', files: { 'package.json': JSON.stringify({ dependencies: { commander: '14.0.0' } }) } },
    { name: 'an API server only', files: { 'package.json': JSON.stringify({ dependencies: { express: '5.0.0' } }) } },
  ],
});
