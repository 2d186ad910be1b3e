import type { Collector } from '../facts/collector.js';
import { Repository } from '../repo/repository.js';
import { makeFixture, removeFixture, type FixtureFiles } from './fixture.js';

/** Runs a collector (and those it asks for) on a small fixture repository, for collector unit tests. */
export async function collectFacts<T>(collector: Collector<T>, files: FixtureFiles): Promise<T> {
  const root = makeFixture(files);
  try {
    const repo = await Repository.open(root);
    const memo = new Map<string, Promise<unknown>>();
    const facts = <U>(wanted: Collector<U>): Promise<U> => {
      let pending = memo.get(wanted.id) as Promise<U> | undefined;
      if (!pending) {
        pending = Promise.resolve(wanted.collect({ repo, config: {}, options: { github: false, online: false }, facts }));
        memo.set(wanted.id, pending);
      }
      return pending;
    };
    return await facts(collector);
  } finally {
    removeFixture(root);
  }
}
