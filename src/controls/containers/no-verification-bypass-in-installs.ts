import { defineControl, evaluated } from '../../engine/control.js';
import { shellCommandFacts } from '../../facts/ci/shell-commands.js';
import { commandFindings, withoutCommands, type CommandRule } from './command-rules.js';

/** `=`, `:` or spaces, with optional quotes: `KEY=false`, `key "false"`, `key: 'false'`, `ENV KEY false`. */
const SET = String.raw`["']?[ \t]{0,5}[=: \t][ \t"']{0,5}`;

const rule = (id: string, pattern: string, flags: string, message: string, evidence: string): CommandRule => ({ id, pattern: new RegExp(pattern, flags), message, evidence });

const RULES: CommandRule[] = [
  rule('apt-unauthenticated', String.raw`--allow-unauthenticated\b|--allow-insecure-repositories\b|Allow(?:Unauthenticated|InsecureRepositories)${SET}(?:true|1|yes)\b`, 'i', 'lets APT install unsigned packages or use unsigned repositories', 'apt --allow-unauthenticated'),
  rule('apt-trusted-yes', String.raw`\[[^\]\n]{0,200}\btrusted=yes\b|^[ \t]{0,20}Trusted:[ \t]{0,20}yes\b`, 'im', 'marks an APT source trusted, so its signatures are not checked', 'apt source [trusted=yes]'),
  rule('rpm-nogpgcheck', String.raw`--nogpgcheck\b|--no-gpg-checks\b|(?:^|[^\w])gpgcheck[ \t]{0,5}=[ \t]{0,5}(?:0|false|no)\b`, 'im', 'turns off package signature checks (yum/dnf/zypper)', 'gpgcheck=0 / --nogpgcheck'),
  rule('repo-sslverify', String.raw`(?:^|[^\w])sslverify[ \t]{0,5}=[ \t]{0,5}(?:0|false|no)\b`, 'im', 'turns off TLS certificate checks for a package repository', 'sslverify=0'),
  rule('apk-untrusted', String.raw`--allow-untrusted\b`, '', 'lets apk install unsigned packages', 'apk --allow-untrusted'),
  rule('rpm-nosignature', String.raw`--nosignature\b|--nodigest\b`, '', 'installs RPMs without checking signatures or digests', 'rpm --nosignature'),
  rule('pip-trusted-host', String.raw`--trusted-host\b|(?:^|[^\w-])trusted-host[ \t]{0,5}=|\bPIP_TRUSTED_HOST[ \t]{0,5}=`, 'im', 'lets pip fetch from a host without TLS verification (trusted-host)', 'pip --trusted-host'),
  rule('npm-strict-ssl', String.raw`strict[-_]ssl${SET}false\b|enableStrictSsl[ \t]{0,5}:[ \t"']{0,5}false\b`, 'i', 'turns off TLS verification for the npm/yarn registry (strict-ssl false)', 'strict-ssl false'),
  rule('yarn-integrity', String.raw`--skip-integrity-check\b|checksumBehavior[ \t]{0,5}:[ \t"']{0,5}(?:ignore|update)\b|\bYARN_CHECKSUM_BEHAVIOR[ \t]{0,5}=[ \t"']{0,5}(?:ignore|update)\b`, 'i', 'skips yarn integrity/checksum verification', 'yarn --skip-integrity-check'),
  // tenet:ignore no-plaintext-transport the pattern text of a rule that finds this, not a connection
  rule('node-tls', String.raw`\bNODE_TLS_REJECT_UNAUTHORIZED${SET}0\b`, '', 'turns off TLS certificate checks for Node.js (NODE_TLS_REJECT_UNAUTHORIZED=0)', 'NODE_TLS_REJECT_UNAUTHORIZED=0'),
  rule('go-sumdb-off', String.raw`\bGOSUMDB${SET}off\b`, '', 'turns off the Go checksum database (GOSUMDB=off)', 'GOSUMDB=off'),
  rule('go-insecure', String.raw`\bGOFLAGS[ \t]{0,5}[= \t][^\n;&|]{0,200}-insecure\b|\bGOINSECURE[ \t]{0,5}[= \t][ \t"']{0,5}[^\s"';&|]|\bgo[ \t]{1,20}(?:get|install)\b[^\n;&|]{0,300}?[ \t]-insecure\b`, '', 'lets Go fetch modules over insecure connections (GOINSECURE / -insecure)', 'GOFLAGS=-insecure / GOINSECURE'),
  // tenet:ignore no-plaintext-transport the pattern text of a rule that finds this, not a connection
  rule('curl-insecure', String.raw`\bcurl\b[^;&|\n]{0,1000}?[ \t](?:-[a-zA-Z]{0,10}k[a-zA-Z]{0,10}|--insecure)\b`, '', 'downloads with curl without checking the TLS certificate (-k/--insecure)', 'curl -k'),
  // tenet:ignore no-plaintext-transport the pattern text of a rule that finds this, not a connection
  rule('wget-no-check', String.raw`--no-check-certificate\b`, '', 'downloads with wget without checking the TLS certificate', 'wget --no-check-certificate'),
  rule('git-ssl-no-verify', String.raw`http\.sslVerify${SET}false\b|\bGIT_SSL_NO_VERIFY${SET}(?:1|true)\b`, 'i', 'fetches with git without checking the TLS certificate', 'git http.sslVerify=false'),
];

export default defineControl({
  meta: {
    id: 'no-verification-bypass-in-installs',
    title: 'No install or download turns off signature, checksum or TLS verification',
    domain: 'containers',
    severity: 'high',
    rationale: 'Package managers check signatures, checksums and certificates so that a mirror, proxy or network attacker cannot substitute code; switching that off installs whatever arrives.',
    remediation: 'Remove the flag or setting; import the repository\'s signing key or CA certificate instead (signed-by=, gpgkey=, cafile=, NODE_EXTRA_CA_CERTS, GONOSUMDB for private modules only).',
  },
  facts: { commands: shellCommandFacts },
  check({ commands }) {
    if (commands.blocks.length === 0) return withoutCommands(commands, 'Dockerfile, shell script, Makefile, CI run step or package-manager configuration');
    return evaluated(commandFindings(commands.blocks, RULES), { judged: commands.blocks });
  },
});
