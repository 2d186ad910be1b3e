/** tenet's library API: scan a repository, get one JSON-able result. */
export { scan, type ScanOptions } from './scan.js';
export { defineControl, notApplicable, unknown, evaluated, judgeEach, optional, FactsUnavailable } from './engine/control.js';
export type { Control, ControlMeta, FactSource, JudgeContext, FindingInput } from './engine/control.js';
export { defineCollector, type Collector, type CollectorContext } from './facts/collector.js';
export type { Subject } from './core/subject.js';
export type * from './core/result.js';
export { builtinControls } from './controls/index.js';
export { ConfigError, loadConfig } from './config/load.js';
export type { TenetConfig } from './config/types.js';
export { VERSION } from './version.js';
export { loadPack, loadBuiltinPacks, BUILTIN_PACK_IDS, DEFAULT_PACK } from './packs/load.js';
export type { Pack, PackRequirement } from './packs/types.js';
