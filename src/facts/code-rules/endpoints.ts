/**
 * Whether a URL's host is one whose plaintext use is no exposure (this machine, a private network,
 * a reserved example name) or is a name, not an endpoint (XML namespaces, schema ids, licences).
 */
const RESERVED_SUFFIXES = ['.example', '.test', '.invalid', '.localhost', '.local', '.internal', '.svc', '.cluster.local', '.home.arpa', '.lan'];
const RESERVED_HOSTS = new Set(['localhost', 'example.com', 'example.org', 'example.net', '0.0.0.0', '::1', '[::1]', 'host.docker.internal']);
/** Hosts whose http:// URLs are identifiers or documentation, not traffic. */
const DOCUMENT_HOSTS = new Set([
  'www.w3.org', 'w3.org', 'json-schema.org', 'schemas.xmlsoap.org', 'schemas.microsoft.com', 'schemas.openxmlformats.org', 'schemas.android.com',
  'xmlns.com', 'xmlns.jcp.org', 'java.sun.com', 'purl.org', 'ns.adobe.com', 'www.apache.org', 'maven.apache.org', 'www.springframework.org',
  'opensource.org', 'www.opensource.org', 'www.gnu.org', 'gnu.org', 'creativecommons.org', 'www.xml.org', 'xml.org', 'docs.oasis-open.org',
  'www.omg.org', 'relaxng.org', 'www.relaxng.org', 'ogp.me', 'schema.org', 'rdfs.org', 'www.openarchives.org', 'localhost.localdomain',
  'www.hibernate.org', 'hibernate.org', 'jboss.org', 'www.jboss.org', 'xmlpull.org', 'www.sitemaps.org', 'sitemaps.org', 'www.opengis.net',
]);

export function isHarmlessHost(rawHost: string): boolean {
  const host = rawHost.toLowerCase().replace(/\.$/, '');
  if (host === '' || /^[$%{<*[]/.test(host) && !host.startsWith('[::1]')) return true;
  if (RESERVED_HOSTS.has(host) || DOCUMENT_HOSTS.has(host)) return true;
  if (RESERVED_SUFFIXES.some((suffix) => host.endsWith(suffix))) return true;
  if (host.endsWith('.example.com') || host.endsWith('.example.org') || host.endsWith('.example.net')) return true;
  // A single label (`redis`, `api`) is a container or service name on the deployment's own network.
  if (!host.includes('.')) return true;
  const octets = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.\d{1,3}$/.exec(host);
  if (octets) {
    const first = Number(octets[1]);
    const second = Number(octets[2]);
    const third = Number(octets[3]);
    // Loopback, private, link-local, and the TEST-NET ranges reserved for documentation.
    return first === 127 || first === 10 || first === 0 || (first === 192 && second === 168) || (first === 172 && second >= 16 && second <= 31) || (first === 169 && second === 254) || (first === 192 && second === 0 && third === 2) || (first === 198 && second === 51 && third === 100) || (first === 203 && second === 0 && third === 113);
  }
  return false;
}

/** The host of `authority` (`user:pw@host:port`), without credentials or port. */
export function hostOf(authority: string): string {
  const at = authority.lastIndexOf('@');
  const hostPort = at === -1 ? authority : authority.slice(at + 1);
  if (hostPort.startsWith('[')) return hostPort.slice(0, hostPort.indexOf(']') + 1);
  const colon = hostPort.indexOf(':');
  return colon === -1 ? hostPort : hostPort.slice(0, colon);
}
