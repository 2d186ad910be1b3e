/** A worker thread that matches batches of blobs, so that reading and matching overlap. */
import { parentPort, workerData } from 'node:worker_threads';
import { SecretMatcher, foundSecret } from './matcher.js';
import { loadRules, type RuleSource } from './rule-source.js';
import type { MatchRequest, MatchResponse, WorkerHit } from './match-pool.js';

const matcher = new SecretMatcher(loadRules(workerData as RuleSource).rules);

parentPort?.on('message', (request: MatchRequest) => {
  const bytes = new Uint8Array(request.buffer);
  const hits: WorkerHit[] = [];
  let binary = 0;
  for (const entry of request.entries) {
    const view = bytes.subarray(entry.offset, entry.offset + entry.length);
    if (view.subarray(0, 8192).includes(0)) {
      binary++;
      continue;
    }
    for (const hit of matcher.scanBytes(view, entry.path)) hits.push({ entry: entry.index, ...foundSecret(hit) });
  }
  const response: MatchResponse = { id: request.id, hits, binary };
  parentPort?.postMessage(response);
});
