import path from 'node:path';
import { defineCollector } from '../../collector.js';
import { heredocPolicies, policyGates, SOURCE_IP } from './aws-policies.js';
import type { IpOnlyGate } from './gate.js';
import { apacheGates, nginxGates } from './web-servers.js';
import { NOT_SOURCE } from '../source-files.js';

export type { IpOnlyGate } from './gate.js';

export interface IpAccessFacts {
  /** nginx and Apache configuration files read. */
  webServerConfigs: number;
  /** JSON policy documents (files, and heredocs in Terraform) that name aws:SourceIp. */
  policyDocuments: number;
  gates: IpOnlyGate[];
}

const APACHE_HINT = /<(?:Directory|Location|Files|VirtualHost)\b|^\s{0,40}(?:Require|AuthType|Order|Allow\s{1,5}from)\b/im;
const NGINX_HINT = /\b(?:server|location|http)\s{0,40}[^{;\n]{0,200}\{|^\s{0,40}(?:allow|deny)\s{1,5}[^;\n]{1,100};/m;
const MANIFEST = /(^|\/)(package(-lock)?\.json|composer\.(json|lock)|tsconfig[^/]*\.json)$/;

/**
 * Access decided only by the client's address: nginx `allow`/`deny all` and Apache `Require ip` or
 * `Allow from` blocks with no authentication, and AWS resource policies (JSON files, JSON heredocs in
 * Terraform) that let everyone in from listed addresses. Terraform's own HCL (`jsonencode`, policy
 * documents) is not read here.
 */
export const ipAccessFacts = defineCollector<IpAccessFacts>({
  id: 'ip-access',
  description: 'nginx/Apache blocks and AWS resource policies that grant access by source IP alone',
  collect({ repo }) {
    const facts: IpAccessFacts = { webServerConfigs: 0, policyDocuments: 0, gates: [] };
    for (const { path: file } of repo.files) {
      if (NOT_SOURCE.test(file)) continue;
      const base = path.posix.basename(file);
      if (base === '.htaccess' || /\.(conf|nginx)$/.test(base) || /(^|\/)(sites-(available|enabled)|conf\.d)\//.test(file)) {
        const text = repo.readText(file);
        if (text === undefined) continue;
        if (base === '.htaccess' || APACHE_HINT.test(text)) {
          facts.webServerConfigs++;
          facts.gates.push(...apacheGates(file, text, base === '.htaccess'));
        } else if (NGINX_HINT.test(text)) {
          facts.webServerConfigs++;
          facts.gates.push(...nginxGates(file, text));
        }
      } else if (base.endsWith('.json') && !MANIFEST.test(file)) {
        const text = repo.readText(file);
        if (text === undefined || !SOURCE_IP.test(text)) continue;
        const document = repo.json(file);
        if (!document) continue;
        facts.policyDocuments++;
        facts.gates.push(...policyGates(file, document, 0));
      } else if (base.endsWith('.tf')) {
        const text = repo.readText(file);
        if (text !== undefined && SOURCE_IP.test(text)) facts.policyDocuments += heredocPolicies(repo, file, text, facts.gates);
      }
    }
    return facts;
  },
});
