import { isRecord } from '../../../core/records.js';

export { isRecord };
/** A place where access is granted by source address alone. */
export interface IpOnlyGate {
  file: string;
  line: number;
  /** `nginx`, `apache` or `resource-policy`. */
  kind: string;
  /** The block or statement: `location /admin`, `<Directory /srv/admin>`, `Statement[0]`. */
  subject: string;
  /** The addresses named (`10.0.0.0/8, 192.168.1.1`), shortened. */
  addresses: string;
}

export function shorten(addresses: readonly string[]): string {
  const joined = addresses.join(', ');
  return joined.length > 80 ? `${joined.slice(0, 80)}…` : joined;
}
