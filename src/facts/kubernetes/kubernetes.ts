import path from 'node:path';
import { isCollection, parseAllDocuments, visit } from 'yaml';
import { defineCollector } from '../collector.js';
import type { Suppression } from '../../core/result.js';
import { withParent, type PropertyPath, type Subject } from '../../core/subject.js';
import type { Repository } from '../../repo/repository.js';
import { isLiteralCredential, redactCredential } from '../secrets/credential-names.js';
import { inlineWaiver } from '../../engine/inline-waivers.js';

export type KubeObject = Record<string, unknown>;

/** One Kubernetes object of a manifest (a document, or an item of a `List`). */
/** A Kubernetes object: the subject of findings about it. */
export interface KubeResource extends Subject {
  file: string;
  kind: string;
  apiVersion: string;
  name: string;
  /** `default` when the manifest names none. */
  namespace: string;
  /** `Kind/namespace/name`. */
  address: string;
  line: number;
  value: KubeObject;
  /** Line of a property, by its path inside this object. */
  lineOf(path: PropertyPath): number | undefined;
  /** An inline waiver of `controlId` on or above any of `lines`, or above the object itself. */
  waiver(controlId: string, lines: readonly number[]): Suppression | undefined;
}

export type ContainerKind = 'container' | 'initContainer' | 'ephemeralContainer';

const CONTAINER_LABELS: Record<ContainerKind, string> = { container: 'container', initContainer: 'init container', ephemeralContainer: 'ephemeral container' };

/** A container of a workload: the subject of findings about it, at its resource's address. */
export interface KubeContainer extends Subject {
  kind: ContainerKind;
  name: string;
  /** How messages name it: `container 'web'`, `init container 'migrate'`. */
  label: string;
  /** Path of the container inside its resource. */
  path: PropertyPath;
  value: KubeObject;
  file: string;
  address: string;
  line: number;
  /** The container's name: findings about two containers of one resource are distinct. */
  part: string;
  parent: KubeResource;
  /** Line of a property, by its path inside the resource (a container's own start with {@link KubeContainer.path}). */
  lineOf(path: PropertyPath): number | undefined;
}

/** A resource that runs pods, with the pod spec it runs them from. */
export interface KubeWorkload {
  resource: KubeResource;
  /** Path of the pod spec inside the resource. */
  podSpecPath: PropertyPath;
  podSpec: KubeObject;
  /** Path of the pod template's metadata (a Pod's own metadata). */
  podMetadataPath: PropertyPath;
  podLabels: Record<string, string>;
  podAnnotations: Record<string, string>;
  containers: KubeContainer[];
}

export interface KubernetesFacts {
  resources: KubeResource[];
  workloads: KubeWorkload[];
  /** Helm chart templates, detected and not analysed (each reported in the scan's errors). */
  helmTemplates: string[];
  /** Manifests that could not be parsed (each reported in the scan's errors). */
  malformed: string[];
}

const POD_SPEC_PATHS: Record<string, { spec: PropertyPath; metadata: PropertyPath }> = {
  Pod: { spec: ['spec'], metadata: ['metadata'] },
  PodTemplate: { spec: ['template', 'spec'], metadata: ['template', 'metadata'] },
  Deployment: { spec: ['spec', 'template', 'spec'], metadata: ['spec', 'template', 'metadata'] },
  StatefulSet: { spec: ['spec', 'template', 'spec'], metadata: ['spec', 'template', 'metadata'] },
  DaemonSet: { spec: ['spec', 'template', 'spec'], metadata: ['spec', 'template', 'metadata'] },
  ReplicaSet: { spec: ['spec', 'template', 'spec'], metadata: ['spec', 'template', 'metadata'] },
  ReplicationController: { spec: ['spec', 'template', 'spec'], metadata: ['spec', 'template', 'metadata'] },
  Job: { spec: ['spec', 'template', 'spec'], metadata: ['spec', 'template', 'metadata'] },
  CronJob: { spec: ['spec', 'jobTemplate', 'spec', 'template', 'spec'], metadata: ['spec', 'jobTemplate', 'spec', 'template', 'metadata'] },
};

const CONTAINER_FIELDS: [string, ContainerKind][] = [
  ['initContainers', 'initContainer'],
  ['containers', 'container'],
  ['ephemeralContainers', 'ephemeralContainer'],
];

const LOOKS_LIKE_MANIFEST = /^[ \t-]{0,40}apiVersion[ \t]{0,10}:/m;
const HAS_KIND = /^[ \t-]{0,40}kind[ \t]{0,10}:/m;
/** A Go template action; `${{ … }}` is a GitHub Actions expression, not Helm. */
const GO_TEMPLATE = /(?:^|[^$]){{/;

/** Kubernetes manifests in the repository: every object, and the workloads that run pods, with lines. */
export const kubernetesFacts = defineCollector<KubernetesFacts>({
  id: 'kubernetes',
  description: 'Kubernetes objects from YAML manifests (multi-document files and Lists), with their pod specs and containers',
  collect({ repo }) {
    const resources: KubeResource[] = [];
    const helmTemplates: string[] = [];
    const malformed: string[] = [];
    const charts = new Set(repo.named('Chart.yaml', 'Chart.yml').map((file) => path.posix.dirname(file.path)));
    const patches = kustomizePatches(repo);
    for (const entry of repo.glob(['**/*.yaml', '**/*.yml'])) {
      if (patches.has(entry.path)) continue;
      const text = repo.readText(entry.path);
      if (text === undefined || !LOOKS_LIKE_MANIFEST.test(text) || !HAS_KIND.test(text)) continue;
      if (isChartTemplate(entry.path, charts) || (GO_TEMPLATE.test(text) && hasTemplateActions(text))) {
        helmTemplates.push(entry.path);
        repo.report(entry.path, 'Helm/Go template not analysed: render it (e.g. `helm template`) and scan the output');
        continue;
      }
      const documents = repo.yaml(entry.path);
      if (!documents) {
        malformed.push(entry.path);
        continue;
      }
      // Split and searched once per file, so that a file without waivers costs nothing per finding.
      const source: ManifestSource = { text, lines: text.split('\n'), mayWaive: text.includes('tenet:ignore') };
      for (const document of documents) {
        const value = document.value;
        if (!isObject(value) || typeof value.kind !== 'string') continue;
        if (value.kind.endsWith('List') && Array.isArray(value.items)) {
          value.items.forEach((item, index) => {
            if (isObject(item)) pushResource(resources, entry.path, source, item, (p) => document.lineOf(['items', index, ...p]));
          });
        } else {
          pushResource(resources, entry.path, source, value, (p) => document.lineOf(p));
        }
      }
    }
    return { resources, workloads: resources.flatMap((resource) => workloadOf(resource) ?? []), helmTemplates, malformed };
  },
});

interface ManifestSource {
  text: string;
  lines: readonly string[];
  mayWaive: boolean;
}

function pushResource(resources: KubeResource[], file: string, source: ManifestSource, parsed: KubeObject, lineOf: (path: PropertyPath) => number | undefined): void {
  const { kind, apiVersion } = parsed;
  if (typeof kind !== 'string' || typeof apiVersion !== 'string') return;
  const value = withoutCredentials(parsed);
  const metadata = isObject(value.metadata) ? value.metadata : {};
  const name = typeof metadata.name === 'string' ? metadata.name : typeof metadata.generateName === 'string' ? `${metadata.generateName}*` : '(unnamed)';
  const namespace = typeof metadata.namespace === 'string' && metadata.namespace !== '' ? metadata.namespace : 'default';
  const line = lineOf([]) ?? 1;
  const { text, lines, mayWaive } = source;
  resources.push({
    file,
    kind,
    apiVersion,
    name,
    namespace,
    address: `${kind}/${namespace}/${name}`,
    line,
    value,
    lineOf: (path) => keyLine(lines, lineOf(path), path[path.length - 1]),
    waiver(controlId, candidates) {
      if (!mayWaive) return undefined;
      for (const candidate of [...candidates, line]) {
        const waiver = inlineWaiver(text, candidate, controlId);
        if (waiver) return { kind: 'inline', reason: waiver.reason, source: `${file}:${waiver.line}` };
      }
      return undefined;
    },
  });
}

/**
 * A copy of the object (the parsed document is shared with other collectors) in which Secret data
 * and credential literals in container env are redacted: facts are printed by `--format raw`, and
 * no report may reveal a credential.
 */
function withoutCredentials(parsed: KubeObject): KubeObject {
  const value = structuredClone(parsed);
  if (value.kind === 'Secret') {
    for (const field of ['data', 'stringData']) {
      const entries = value[field];
      if (isObject(entries)) for (const key of Object.keys(entries)) entries[key] = '<redacted>';
    }
  }
  const paths = typeof value.kind === 'string' ? POD_SPEC_PATHS[value.kind] : undefined;
  const podSpec = paths ? at(value, paths.spec) : undefined;
  if (!isObject(podSpec)) return value;
  for (const [field] of CONTAINER_FIELDS) {
    const containers = podSpec[field];
    if (!Array.isArray(containers)) continue;
    for (const container of containers) {
      const env = isObject(container) ? container.env : undefined;
      if (!Array.isArray(env)) continue;
      for (const variable of env) {
        if (!isObject(variable) || typeof variable.name !== 'string' || (typeof variable.value !== 'string' && typeof variable.value !== 'number')) continue;
        const literal = String(variable.value);
        if (isLiteralCredential(variable.name, literal)) variable.value = redactCredential(literal);
      }
    }
  }
  return value;
}

/**
 * The parser places a block mapping or sequence at its first entry, a line below its key; findings
 * belong on the key (`resources:`), so look back for it.
 */
function keyLine(lines: readonly string[], valueLine: number | undefined, key: string | number | undefined): number | undefined {
  if (valueLine === undefined || typeof key !== 'string') return valueLine;
  for (let line = valueLine; line >= Math.max(1, valueLine - 20); line--) {
    const content = (lines[line - 1] ?? '').trimStart().replace(/^-[ \t]{1,10}/, '');
    if (content.startsWith(`${key}:`) || content.startsWith(`"${key}":`) || content.startsWith(`'${key}':`)) return line;
  }
  return valueLine;
}

function workloadOf(resource: KubeResource): KubeWorkload | undefined {
  const paths = POD_SPEC_PATHS[resource.kind];
  if (!paths) return undefined;
  const podSpec = at(resource.value, paths.spec);
  if (!isObject(podSpec)) return undefined;
  const metadata = at(resource.value, paths.metadata);
  const containers: KubeContainer[] = [];
  for (const [field, kind] of CONTAINER_FIELDS) {
    const list = podSpec[field];
    if (!Array.isArray(list)) continue;
    list.forEach((value, index) => {
      if (!isObject(value)) return;
      const containerPath = [...paths.spec, field, index];
      const name = typeof value.name === 'string' ? value.name : `#${index}`;
      const container: Omit<KubeContainer, 'parent'> = {
        kind,
        name,
        label: `${CONTAINER_LABELS[kind]} '${name}'`,
        path: containerPath,
        value,
        file: resource.file,
        address: resource.address,
        line: resource.lineOf(containerPath) ?? resource.line,
        part: name,
        lineOf: (path: PropertyPath) => resource.lineOf(path),
      };
      containers.push(withParent<KubeContainer>(container, resource));
    });
  }
  return {
    resource,
    podSpecPath: paths.spec,
    podSpec,
    podMetadataPath: paths.metadata,
    podLabels: stringMap(isObject(metadata) ? metadata.labels : undefined),
    podAnnotations: stringMap(isObject(metadata) ? metadata.annotations : undefined),
    containers,
  };
}

/**
 * Whether `{{ … }}` stands where YAML structure goes (a value, a key, a line of its own), which
 * leaves the file unparseable or parsed into nonsense (`name: {{ x }}` reads as a nested map).
 * Inside quoted or block strings (an alerting template in a ConfigMap, `image: "{{ … }}"`) it is
 * just text: such files are read, and those values are placeholders.
 */
function hasTemplateActions(text: string): boolean {
  const documents = parseAllDocuments(text, { uniqueKeys: false });
  if (!Array.isArray(documents)) return false;
  for (const document of documents) {
    if (document.errors.length > 0) return true;
    let structural = false;
    visit(document, {
      Pair(_key, pair) {
        if (!isCollection(pair.key)) return undefined;
        structural = true;
        return visit.BREAK;
      },
    });
    if (structural) return true;
  }
  return false;
}

/** A file beneath the `templates/` folder that sits beside a Chart.yaml. */
function isChartTemplate(file: string, charts: ReadonlySet<string>): boolean {
  const parts = file.split('/');
  return parts.some((part, index) => part === 'templates' && index < parts.length - 1 && charts.has(parts.slice(0, index).join('/') || '.'));
}

/** Strategic-merge and JSON patches named by kustomizations: fragments, not whole objects. */
function kustomizePatches(repo: Repository): Set<string> {
  const patches = new Set<string>();
  for (const file of repo.named('kustomization.yaml', 'kustomization.yml', 'Kustomization')) {
    const dir = path.posix.dirname(file.path);
    for (const document of repo.yaml(file.path) ?? []) {
      const value = document.value;
      if (!isObject(value)) continue;
      const named: unknown[] = [
        ...(Array.isArray(value.patchesStrategicMerge) ? value.patchesStrategicMerge : []),
        ...[value.patches, value.patchesJson6902].flatMap((list) => (Array.isArray(list) ? list.map((patch) => (isObject(patch) ? patch.path : undefined)) : [])),
      ];
      for (const entry of named) {
        if (typeof entry === 'string') patches.add(path.posix.normalize(path.posix.join(dir, entry)));
      }
    }
  }
  return patches;
}

export function isObject(value: unknown): value is KubeObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value at a path inside an object, or undefined. */
export function at(value: unknown, path: PropertyPath): unknown {
  let current: unknown = value;
  for (const key of path) {
    if (typeof key === 'number') current = Array.isArray(current) ? current[key] : undefined;
    else current = isObject(current) ? current[key] : undefined;
    if (current === undefined) return undefined;
  }
  return current;
}

function stringMap(value: unknown): Record<string, string> {
  const result: Record<string, string> = {};
  if (!isObject(value)) return result;
  for (const [key, entry] of Object.entries(value)) {
    if (typeof entry === 'string' || typeof entry === 'number' || typeof entry === 'boolean') result[key] = String(entry);
  }
  return result;
}

/** A value substituted at deploy time (`${VAR}`, `$VAR`, `{{ … }}`), which the manifest alone cannot decide. */
export function isPlaceholder(value: unknown): value is string {
  return typeof value === 'string' && /\$\{|\$[A-Za-z_]|\{\{/.test(value);
}
