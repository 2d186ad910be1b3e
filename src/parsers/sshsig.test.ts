import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fakeSshSignature } from '../testing/git-history.js';
import { sshSignatureKeyType } from './sshsig.js';

describe('SSHSIG key types', () => {
  it('reads ssh-ed25519 from a signature ssh-keygen made', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tenet-sshsig-'));
    execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', path.join(dir, 'key')]);
    writeFileSync(path.join(dir, 'message'), 'hello\n');
    execFileSync('ssh-keygen', ['-Y', 'sign', '-f', path.join(dir, 'key'), '-n', 'git', path.join(dir, 'message')], { stdio: 'ignore' });
    assert.deepEqual(sshSignatureKeyType(readFileSync(path.join(dir, 'message.sig'), 'utf8')), { ok: true, keyType: 'ssh-ed25519' });
  });

  for (const keyType of ['sk-ssh-ed25519@openssh.com', 'sk-ecdsa-sha2-nistp256@openssh.com']) {
    it(`reads ${keyType} from a hand-built blob`, () => assert.deepEqual(sshSignatureKeyType(fakeSshSignature(keyType)), { ok: true, keyType }));
  }

  const broken: [string, string, RegExp][] = [
    ['no armour', 'hello', /no SSH signature armour/],
    ['not base64', '-----BEGIN SSH SIGNATURE-----\n!!!\n-----END SSH SIGNATURE-----', /not base64/],
    ['wrong magic', `-----BEGIN SSH SIGNATURE-----\n${Buffer.from('NOTSIG\0\0\0\x01').toString('base64')}\n-----END SSH SIGNATURE-----`, /preamble/],
    ['truncated key', `-----BEGIN SSH SIGNATURE-----\n${Buffer.from('SSHSIG\0\0\0\x01\0\0\x10\0ab').toString('base64')}\n-----END SSH SIGNATURE-----`, /no readable public key/],
    ['version 2', `-----BEGIN SSH SIGNATURE-----\n${Buffer.from('SSHSIG\0\0\0\x02').toString('base64')}\n-----END SSH SIGNATURE-----`, /version 2/],
  ];
  for (const [name, armour, reason] of broken) {
    it(`reports ${name}`, () => {
      const result = sshSignatureKeyType(armour);
      assert.equal(result.ok, false);
      if (!result.ok) assert.match(result.reason, reason);
    });
  }
});
