import path from 'node:path';
import { defineCollector } from '../collector.js';
import { dockerfileFacts } from './dockerfiles.js';

/** Copied files that are credentials whatever they contain. */
const KEY_FILE = /^(?:id_(?:rsa|dsa|ecdsa|ed25519)|\.netrc|_netrc|\.git-credentials|\.htpasswd|.+\.(?:p12|pfx|jks|keystore|ppk)|\.env(?:\.(?!example$|sample$|template$|dist$|defaults$)[^/]{1,100})?)$/i;
/** Copied files that are credentials only when they hold one (a certificate or a token-free .npmrc is fine). */
const MAYBE_SECRET_FILE = /^(?:\.npmrc|\.pypirc|\.yarnrc\.yml|.+\.(?:pem|key))$/i;
/** What betrays a credential inside those files; `${VAR}` placeholders are filled in at run time and do not count. */
const SECRET_CONTENT = /-----BEGIN (?:[A-Z]{1,20} )?PRIVATE KEY-----|(?:_authToken|_auth|_password|npmAuthToken)[ \t]{0,10}[=:][ \t]{0,10}["']?(?!\$\{)[^\s"']|^[ \t]{0,20}password[ \t]{0,10}[=:][ \t]{0,10}(?!\$\{)\S/im;

export type CopiedFileVerdict = 'key-file' | 'holds-secret' | 'not-in-repository';

/** The key file a COPY or ADD source names, judged by name and, where that is not enough, by content. */
export interface CopiedSecret {
  dockerfile: string;
  line: number;
  source: string;
  verdict: CopiedFileVerdict;
}

export interface DockerBuildSecretFacts {
  copied: CopiedSecret[];
}

/**
 * COPY and ADD sources from the build context (taken to be the Dockerfile's directory) that are key
 * files, or credential-bearing config files whose committed content holds a credential.
 */
export const dockerBuildSecretFacts = defineCollector<DockerBuildSecretFacts>({
  id: 'docker-build-secrets',
  description: 'Key and credential files that Dockerfiles COPY or ADD into images',
  async collect({ repo, facts }) {
    const { dockerfiles } = await facts(dockerfileFacts);
    const copied: CopiedSecret[] = [];
    for (const dockerfile of dockerfiles) {
      const context = path.posix.dirname(dockerfile.file);
      for (const { stage } of dockerfile.stages) {
        for (const instruction of stage.instructions) {
          if ((instruction.keyword !== 'COPY' && instruction.keyword !== 'ADD') || instruction.flags.has('from')) continue;
          for (const source of instruction.args.slice(0, -1)) {
            const name = path.posix.basename(source);
            let verdict: CopiedFileVerdict | undefined;
            if (KEY_FILE.test(name)) verdict = 'key-file';
            else if (MAYBE_SECRET_FILE.test(name)) {
              const file = path.posix.normalize(path.posix.join(context, source)).replace(/^\.\//, '');
              if (!repo.has(file)) verdict = 'not-in-repository';
              else if (SECRET_CONTENT.test(repo.readText(file) ?? '')) verdict = 'holds-secret';
            }
            if (verdict) copied.push({ dockerfile: dockerfile.file, line: instruction.line, source, verdict });
          }
        }
      }
    }
    return { copied };
  },
});
