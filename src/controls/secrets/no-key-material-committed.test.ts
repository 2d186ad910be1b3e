import { testControl } from '../../testing/control-table.js';
import { FakeSecrets } from '../../secrets/samples.js';
import control from './no-key-material-committed.js';

const fake = new FakeSecrets(8);
const privateKey = `-----BEGIN EC ${'PRIVATE'} KEY-----\n${fake.base64(64)}\n${fake.base64(40)}\n-----END EC ${'PRIVATE'} KEY-----\n`;
const certificate = `-----BEGIN CERTIFICATE-----\n${fake.base64(64)}\n-----END CERTIFICATE-----\n`;

testControl(control, {
  pass: [
    { name: 'a certificate without key', files: { 'certs/ca.pem': certificate } },
    { name: 'an SSH public key', files: { 'deploy/id_ed25519.pub': `ssh-ed25519 ${fake.base64(68)} ci\n` } },
    { name: 'test keys under fixtures/', files: { 'test/fixtures/server.key': privateKey, 'test/fixtures/store.p12': Buffer.from([0x30, 0x82]) } },
  ],
  fail: [
    { name: 'a PEM private key', files: { 'deploy/server.key': privateKey }, findings: [{ file: 'deploy/server.key', message: 'PEM private key' }] },
    { name: 'a certificate bundle with its key', files: { 'tls/bundle.pem': certificate + privateKey }, findings: [{ message: 'certificate bundle with a private key' }] },
    { name: 'an SSH private key by name', files: { 'ops/id_rsa': 'binary-ish' }, findings: [{ message: 'SSH private key' }] },
    {
      name: 'key stores',
      files: { 'android/release.keystore': Buffer.from([0xfe, 0xed, 0xfe, 0xed]), 'certs/client.p12': Buffer.from([0x30, 0x82]), 'java/trust.jks': Buffer.from([0xfe, 0xed]) },
      findings: 3,
    },
  ],
  notApplicable: [{ name: 'empty repository', files: {} }],
});
