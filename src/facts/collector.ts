import type { FactSource, ScanOptionsView } from '../engine/control.js';
import type { Repository } from '../repo/repository.js';
import type { TenetConfig } from '../config/types.js';

/** What a collector reads from: the repository, the configuration and the scan's options. */
export interface CollectorContext {
  repo: Repository;
  config: TenetConfig;
  options: ScanOptionsView;
  /** The scan's time, for windows such as "the last 90 days" (the real time when absent). */
  now?: Date;
  /** Facts of another collector, computed once per scan. */
  facts<T>(collector: FactSource<T>): Promise<T>;
}

/** Reads the repository (and, when asked, git history or an API) into typed facts; never judges. */
export interface Collector<T> extends FactSource<T> {
  collect(context: CollectorContext): T | Promise<T>;
}

export function defineCollector<T>(collector: Collector<T>): Collector<T> {
  return collector;
}
