import type { Control } from '../engine/control.js';
import { controls as supplyChain } from './supply-chain/index.js';
import { controls as secrets } from './secrets/index.js';
import { controls as changeControl } from './change-control/index.js';
import { controls as ci } from './ci/index.js';
import { controls as workflows } from './workflows/index.js';
import { controls as containers } from './containers/index.js';
import { controls as kubernetes } from './kubernetes/index.js';
import { controls as terraform } from './terraform/index.js';
import { controls as code } from './code/index.js';
import { controls as docs } from './docs/index.js';

/** Every built-in control, in catalog order. */
export const builtinControls: readonly Control[] = [
  ...supplyChain,
  ...secrets,
  ...changeControl,
  ...ci,
  ...workflows,
  ...containers,
  ...kubernetes,
  ...terraform,
  ...code,
  ...docs,
];

export function controlById(id: string): Control | undefined {
  return builtinControls.find((control) => control.meta.id === id);
}
