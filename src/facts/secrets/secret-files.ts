import path from 'node:path';
import { defineCollector } from '../collector.js';
import { git } from '../../repo/git.js';
import { classifyPath } from '../../secrets/false-alarms.js';

/** A `.env`-style file and what it holds (names only, never values). */
export interface EnvFile {
  file: string;
  template: boolean;
  /** Names of variables given a real-looking value. */
  valued: string[];
}

export interface EnvFilesFacts {
  isGit: boolean;
  files: EnvFile[];
  /** Whether .gitignore rules cover `.env` (undefined outside git). */
  gitignoreCoversEnv?: boolean;
}

const ENV_NAME = /^(?:\.env(?:\..+)?|.+\.env)$/;
const TEMPLATE = /(?:^|[.-])(?:example|sample|template|dist|defaults?|schema|tmpl|tpl)(?:[.-]|$)/i;
const SECRET_NAME = /key|token|secret|passw|pwd|credential|private|auth/i;
const NOT_A_VALUE = /^(?:|""|''|\$\{?[A-Za-z_][\w]*\}?|<[^>]*>|changeme|change_me|xxx+|\*+|your[_-].*|todo|replace[_-]?me|placeholder|null|none|false|true|0|1)$/i;

export const envFiles = defineCollector<EnvFilesFacts>({
  id: 'env-files',
  description: '.env-style files, whether they hold values, and whether .gitignore covers .env',
  async collect({ repo }) {
    const files: EnvFile[] = [];
    for (const file of repo.files) {
      const base = path.posix.basename(file.path);
      if (!ENV_NAME.test(base) || base === '.envrc' || classifyPath(file.path) === 'fixture') continue;
      const template = TEMPLATE.test(base);
      const text = repo.readText(file.path) ?? '';
      const valued: string[] = [];
      for (const line of text.split(/\r?\n/)) {
        const match = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\s*=\s*(.*)$/.exec(line);
        if (!match) continue;
        const name = match[1] ?? '';
        const value = (match[2] ?? '').replace(/\s+#.*$/, '').trim().replace(/^(["'])(.*)\1$/, '$2');
        if (NOT_A_VALUE.test(value)) continue;
        if (template && !SECRET_NAME.test(name)) continue;
        valued.push(name);
      }
      files.push({ file: file.path, template, valued });
    }
    const facts: EnvFilesFacts = { isGit: repo.git !== undefined, files };
    if (repo.git) {
      facts.gitignoreCoversEnv = await git(repo.root, ['check-ignore', '-q', '--no-index', '.env']).then(
        () => true,
        () => false,
      );
    }
    return facts;
  },
});

/** A file that is, or holds, a private key or a key store. */
export interface KeyMaterialFile {
  file: string;
  kind: string;
}

const KEY_STORE_EXTENSIONS: Record<string, string> = {
  '.p12': 'PKCS#12 key store',
  '.pfx': 'PKCS#12 key store',
  '.pkcs12': 'PKCS#12 key store',
  '.jks': 'Java key store',
  '.keystore': 'Java / Android key store',
  '.bks': 'Bouncy Castle key store',
  '.p8': 'PKCS#8 private key',
  '.ppk': 'PuTTY private key',
  '.kdbx': 'KeePass database',
  '.pvk': 'Microsoft private key',
};
const SSH_KEY_NAMES = /^(?:id_rsa|id_dsa|id_ecdsa|id_ed25519|id_ecdsa_sk|id_ed25519_sk|identity)$/;
const MAYBE_PEM = /\.(?:pem|key|crt|cer|der|asc|gpg|txt|priv|private)$|^[^.]*$/i;
const PRIVATE_KEY_MARK = /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----|PuTTY-User-Key-File-/;

export const keyMaterialFiles = defineCollector<{ fileCount: number; files: KeyMaterialFile[] }>({
  id: 'key-material-files',
  description: 'Tracked private keys, key stores and certificate bundles with keys',
  collect({ repo }) {
    const files: KeyMaterialFile[] = [];
    for (const file of repo.files) {
      if (classifyPath(file.path) === 'fixture') continue;
      const base = path.posix.basename(file.path);
      const extension = path.posix.extname(base).toLowerCase();
      const store = KEY_STORE_EXTENSIONS[extension];
      if (store) {
        files.push({ file: file.path, kind: store });
        continue;
      }
      if (SSH_KEY_NAMES.test(base)) {
        files.push({ file: file.path, kind: 'SSH private key' });
        continue;
      }
      if (base === 'secring.gpg' || base === 'secring.kbx') {
        files.push({ file: file.path, kind: 'GnuPG secret keyring' });
        continue;
      }
      if (!MAYBE_PEM.test(base) || file.size > 1024 * 1024) continue;
      const head = repo.readHead(file.path, 64 * 1024)?.toString('latin1') ?? '';
      if (PRIVATE_KEY_MARK.test(head)) files.push({ file: file.path, kind: /CERTIFICATE/.test(head) ? 'certificate bundle with a private key' : 'PEM private key' });
    }
    return { fileCount: repo.files.length, files };
  },
});
