import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface AdvisoryServer {
  url: string;
  /** Requests received, as `METHOD path`. */
  requests: string[];
  /** The bodies of POST requests, parsed. */
  bodies: unknown[];
  close(): Promise<void>;
}

export interface AdvisoryServerData {
  /** OSV records served by `/v1/vulns/{id}`; querybatch answers with those whose affected package matches. */
  records: Record<string, { id: string; modified?: string; affected?: { package?: { ecosystem?: string; name?: string } }[] }>;
  /** `/-/npm/v1/security/advisories/bulk` answers: package name → advisories. */
  npmAdvisories?: Record<string, unknown[]>;
  /** Answer every request with this status instead. */
  failWith?: number;
}

/**
 * A stand-in for api.osv.dev and the npm registry's advisory endpoint on loopback. querybatch
 * returns every record naming the package (version filtering is tenet's job, as it is with a real
 * server's superset of answers).
 */
export async function startAdvisoryServer(data: AdvisoryServerData): Promise<AdvisoryServer> {
  const requests: string[] = [];
  const bodies: unknown[] = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const url = new URL(request.url ?? '/', 'http://localhost');
      requests.push(`${request.method} ${url.pathname}`);
      const body: unknown = chunks.length > 0 ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : undefined;
      if (body !== undefined) bodies.push(body);
      const send = (status: number, value: unknown): void => {
        response.writeHead(status, { 'content-type': 'application/json' });
        response.end(JSON.stringify(value));
      };
      if (data.failWith) return send(data.failWith, { error: 'failing on purpose' });
      if (request.method === 'POST' && url.pathname === '/v1/querybatch') {
        const queries = (body as { queries: { package: { ecosystem: string; name: string } }[] }).queries;
        const results = queries.map((query) => ({
          vulns: Object.values(data.records)
            .filter((record) => record.affected?.some((entry) => entry.package?.ecosystem === query.package.ecosystem && entry.package?.name === query.package.name))
            .map((record) => ({ id: record.id, modified: record.modified })),
        }));
        return send(200, { results });
      }
      const vuln = /^\/v1\/vulns\/(.+)$/.exec(url.pathname);
      if (request.method === 'GET' && vuln) {
        const record = data.records[decodeURIComponent(vuln[1] as string)];
        return record ? send(200, record) : send(404, { code: 5, message: 'Bug not found.' });
      }
      if (request.method === 'POST' && url.pathname === '/-/npm/v1/security/advisories/bulk') {
        const names = Object.keys(body as Record<string, unknown>);
        return send(200, Object.fromEntries(names.filter((name) => data.npmAdvisories?.[name]).map((name) => [name, data.npmAdvisories?.[name]])));
      }
      send(404, { error: 'not found' });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    bodies,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
