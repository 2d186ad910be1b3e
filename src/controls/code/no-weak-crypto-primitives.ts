import { defineControl } from '../../engine/control.js';
import { codeScanFacts } from '../../facts/code/code-scan.js';
import { codeScanOutcome } from './code-scan-outcome.js';

export default defineControl({
  meta: {
    id: 'no-weak-crypto-primitives',
    title: 'No weak or deprecated cryptographic primitives in source',
    domain: 'code',
    severity: 'high',
    rationale: 'MD5 and SHA-1 collide, DES/3DES/RC4 and ECB leak plaintext, a key stream reused through a constant IV or a predictable random token can be recovered: data protected this way is not protected.',
    remediation: 'Use SHA-256 or better (argon2/bcrypt/scrypt for passwords), AES-GCM or ChaCha20-Poly1305 with a random IV per message, and a CSPRNG (crypto.randomBytes, secrets, SecureRandom, random_bytes) for tokens and keys. A digest used only as a checksum can be marked (Python usedforsecurity=False) or waived with a tenet:ignore comment that says why.',
    facts: ['code-scan'],
  },
  async check({ facts }) {
    return codeScanOutcome(await facts(codeScanFacts), 'no-weak-crypto-primitives', 'first-party source files');
  },
});
