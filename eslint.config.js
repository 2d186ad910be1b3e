import path from 'node:path';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * Who may import whom, by folder of src/. Data flows one way (ARCHITECTURE.md): the bottom layer
 * imports nothing of ours; parsers wrap parsers; collectors read; controls judge facts and never
 * reach the disk, git, the network or another domain; reporters present a ScanResult and nothing else.
 * Folders not listed (cli, server, fleet, testing, the root modules) sit on top and may import anything.
 */
const LAYERS = {
  core: [],
  parsers: ['core'],
  config: ['core', 'parsers'],
  repo: ['core', 'parsers'],
  secrets: ['core', 'parsers', 'repo'],
  vulns: ['core', 'parsers', 'repo'],
  engine: ['core', 'config'],
  facts: ['core', 'parsers', 'config', 'repo', 'secrets', 'vulns', 'engine'],
  controls: ['core', 'engine', 'facts'],
  packs: ['core', 'parsers', 'config', 'repo', 'engine'],
  reporters: ['core'],
};

const srcRoot = path.resolve('src');

/** Files that still cross a layer, each being moved onto the rule; the list only shrinks. */
const PENDING = new Set([
  'controls/change-control/signing-keys-hardware-backed.ts',
  'controls/docs/deviations-are-approved.ts',
  'controls/kubernetes/workload-finding.ts',
  'controls/kubernetes/workloads-autoscaled.ts',
  'controls/supply-chain/dependencies-free-of-known-vulnerabilities.ts',
  'controls/terraform/infrastructure-defined-as-code.ts',
  'controls/terraform/point-in-time-recovery-enabled.ts',
  'controls/terraform/secret-access-scoped.ts',
  'reporters/cyclonedx.ts',
  'reporters/index.ts',
  'vulns/settings.ts',
]);

/** `controls/terraform` for a control domain, else the top folder under src/ ('' for src/*.ts). */
function unitOf(file) {
  const parts = path.relative(srcRoot, file).split(path.sep);
  if (parts.length === 1 || parts[0] === '..') return parts.length === 1 ? '' : undefined;
  return parts[0] === 'controls' && parts.length > 2 ? `controls/${parts[1]}` : parts[0];
}

const layersRule = {
  meta: { type: 'problem', messages: { layer: "{{from}} may not import {{to}} (allowed: {{allowed}}); see eslint.config.js LAYERS" } },
  create(context) {
    const file = context.filename;
    const from = unitOf(file);
    if (from === undefined || from === '' || /\.test\.ts$/.test(file) || PENDING.has(path.relative(srcRoot, file).split(path.sep).join('/'))) return {};
    const fromLayer = from.split('/')[0];
    const allowed = LAYERS[fromLayer];
    if (!allowed) return {};
    const check = (node) => {
      const source = node.source;
      if (!source || source.type !== 'Literal' || typeof source.value !== 'string' || !source.value.startsWith('.')) return;
      const to = unitOf(path.resolve(path.dirname(file), source.value));
      if (to === undefined || to === from) return;
      const toLayer = to.split('/')[0];
      // The registry gathers every control domain; nothing else crosses from one domain to another.
      if (from === 'controls' && toLayer === 'controls') return;
      if (toLayer === fromLayer && fromLayer !== 'controls') return;
      if (allowed.includes(toLayer)) return;
      context.report({ node: source, messageId: 'layer', data: { from, to, allowed: allowed.join(', ') || 'nothing of ours' } });
    };
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check, ImportExpression: check };
  },
};

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'test/fixtures/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
    plugins: { tenet: { rules: { layers: layersRule } } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'tenet/layers': 'error',
    },
  },
);
