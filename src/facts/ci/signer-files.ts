import path from 'node:path';
import { defineCollector } from '../collector.js';
import { skippedDirectoryOf } from '../supply-chain/lockfiles.js';

/** Files that name who may sign commits: SSH allowed_signers, gitsign/sequoia policies, OpenPGP keyrings and exported keys. */
const SIGNER_NAMES = /^(\.?allowed[_-]signers|\.gitsigners|openpgp-policy\.toml|trustedkeys\.(gpg|kbx)|pubring\.(gpg|kbx)|KEYS(\.asc|\.txt)?)$/i;
const KEY_EXPORT = /\.(asc|gpg|pgp)$/i;
const KEY_PLACE = /(^|\/)[^/]{0,40}(key|sign|maintainer)[^/]{0,40}(\/|$)/i;

/** Committed files that say whose commit signatures to trust. */
export const signerFileFacts = defineCollector<string[]>({
  id: 'signer-files',
  description: 'Committed allowed_signers files, signing policies and OpenPGP keyrings or exported public keys',
  collect({ repo }) {
    return repo.files
      .map((entry) => entry.path)
      .filter((file) => skippedDirectoryOf(file) === undefined)
      .filter((file) => SIGNER_NAMES.test(path.posix.basename(file)) || (KEY_EXPORT.test(file) && KEY_PLACE.test(file)));
  },
});
