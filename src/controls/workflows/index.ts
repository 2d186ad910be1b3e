import type { Control } from '../../engine/control.js';
import actionsPinnedBySha from './actions-pinned-by-sha.js';
import workflowTokenLeastPrivilege from './workflow-token-least-privilege.js';
import noDangerousWorkflowTriggers from './no-dangerous-workflow-triggers.js';
import noScriptInjectionInWorkflows from './no-script-injection-in-workflows.js';

/** The workflows controls; one file each, registered here. */
export const controls: Control[] = [
  actionsPinnedBySha,
  workflowTokenLeastPrivilege,
  noDangerousWorkflowTriggers,
  noScriptInjectionInWorkflows,
];
