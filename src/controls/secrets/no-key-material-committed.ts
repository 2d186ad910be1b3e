import { defineControl, evaluated, notApplicable } from '../../engine/control.js';
import { keyMaterialFiles } from '../../facts/secrets/secret-files.js';

export default defineControl({
  meta: {
    id: 'no-key-material-committed',
    title: 'No private keys or key stores are committed',
    domain: 'secrets',
    severity: 'critical',
    rationale: 'A committed private key lets anyone with read access impersonate the server, sign as the developer or decrypt traffic; key stores are protected only by passwords that are usually weak or stored nearby.',
    remediation: 'Remove the file from git, revoke and reissue the key or certificate, and keep keys in a secret manager or HSM. Test keys belong under a fixtures/ or testdata/ directory.',
    facts: ['key-material-files'],
  },
  async check({ facts }) {
    const keys = await facts(keyMaterialFiles);
    if (keys.fileCount === 0) return notApplicable('the repository has no files');
    return evaluated(keys.files.map((entry) => ({ message: `${entry.file}: ${entry.kind}`, file: entry.file, key: entry.kind })));
  },
});
