import path from 'node:path';
import { defineCollector } from '../collector.js';
import { isRecord } from '../../parsers/lockfiles/common.js';
import { ciFacts } from '../ci/ci.js';
import { skippedDirectoryOf } from './lockfiles.js';

export interface NodeRuntimeDeclaration {
  file: string;
  line?: number;
  /** Where the version is declared, for messages: `engines.node`, `.nvmrc`, `FROM node:…`, `node-version` … */
  source: string;
  value: string;
}

const DOCKERFILE = /^(Dockerfile|Containerfile)(\..+)?$|\.(Dockerfile|dockerfile)$/;
const FROM = /^\s*FROM\s+(?:--\S+\s+){0,3}(\S+)/i;
const NODE_IMAGE = /^(?:(?:docker\.io|index\.docker\.io)\/)?(?:library\/)?(node|cimg\/node|circleci\/node)(?::([^@\s]+))?(?:@\S+)?$/i;
const CI_VERSION_KEY = /^\s*(?:-\s+)?(node-version|node_version|node-versions|node_js|nodejs|node)\s*:\s*(.*)$/;
const DISTROLESS_NODE = /^(?:gcr\.io\/distroless|cgr\.dev\/chainguard)\/(?:nodejs|node)(\d+)?/;
/** What a Node.js version looks like in a CI list (other `node:` keys hold booleans or labels). */
const VERSION_LIKE = /^(v?\d|lts|latest|current|node$)/i;
const CI_IMAGE = /\bimage\s*:\s*["']?((?:docker\.io\/)?(?:library\/)?(?:node|cimg\/node|circleci\/node)(?::[^\s"'@]+)?)/i;

/** Every place a repository states which Node.js it runs on. */
export const nodeRuntimeFacts = defineCollector<NodeRuntimeDeclaration[]>({
  id: 'node-runtime',
  description: 'Declared Node.js versions: package.json engines, .nvmrc, .node-version, .tool-versions, Docker base images, CI settings',
  async collect({ repo, facts }) {
    const declarations: NodeRuntimeDeclaration[] = [];
    for (const entry of repo.files) {
      if (skippedDirectoryOf(entry.path) !== undefined) continue;
      const base = path.posix.basename(entry.path);
      if (base === 'package.json') {
        const document = repo.json(entry.path);
        const value = isRecord(document?.value) && isRecord(document.value.engines) ? document.value.engines.node : undefined;
        if (typeof value === 'string') declarations.push({ file: entry.path, line: document?.lineOf(['engines', 'node']), source: 'engines.node', value });
      } else if (base === '.nvmrc' || base === '.node-version') {
        const lines = (repo.readText(entry.path) ?? '').split('\n');
        const index = lines.findIndex((line) => line.trim() !== '' && !line.trim().startsWith('#'));
        if (index !== -1) declarations.push({ file: entry.path, line: index + 1, source: base, value: (lines[index] ?? '').trim().split(/\s+/)[0] ?? '' });
      } else if (base === '.tool-versions') {
        (repo.readText(entry.path) ?? '').split('\n').forEach((line, index) => {
          const match = /^\s*(?:nodejs|node)\s+(\S+)/.exec(line);
          if (match?.[1]) declarations.push({ file: entry.path, line: index + 1, source: '.tool-versions', value: match[1] });
        });
      } else if (DOCKERFILE.test(base)) {
        (repo.readText(entry.path) ?? '').split('\n').forEach((line, index) => {
          const reference = FROM.exec(line)?.[1] ?? '';
          const image = NODE_IMAGE.exec(reference);
          if (image) declarations.push({ file: entry.path, line: index + 1, source: `FROM ${image[1] ?? 'node'}`, value: image[2] ?? 'latest' });
          const distroless = DISTROLESS_NODE.exec(reference);
          if (distroless) declarations.push({ file: entry.path, line: index + 1, source: `FROM ${reference.split(':')[0] ?? reference}`, value: distroless[1] ?? 'latest' });
        });
      }
    }
    // Versions are settings, not commands, so the CI files the CI parser found are read here as lines.
    const ciFiles = new Set((await facts(ciFacts)).systems.flatMap((system) => system.files));
    for (const file of ciFiles) {
      const text = skippedDirectoryOf(file) === undefined ? repo.readText(file) : undefined;
      if (text !== undefined) declarations.push(...ciDeclarations(file, text.split('\n')));
    }
    return declarations;
  },
});

/** `node-version: 22`, matrix lists (flow or block), Travis `node_js`, and `image: node:22` lines. */
export function ciDeclarations(file: string, lines: readonly string[]): NodeRuntimeDeclaration[] {
  const found: NodeRuntimeDeclaration[] = [];
  for (let index = 0; index < lines.length; index++) {
    const line = (lines[index] ?? '').replace(/\s#.*$/, '');
    if (line.trimStart().startsWith('#')) continue;
    const image = CI_IMAGE.exec(line);
    if (image?.[1]) {
      const tag = image[1].split(':')[1] ?? 'latest';
      found.push({ file, line: index + 1, source: `image ${image[1].split(':')[0] ?? 'node'}`, value: tag });
      continue;
    }
    const key = CI_VERSION_KEY.exec(line);
    if (!key) continue;
    const [, name = '', rawValue = ''] = key;
    const value = rawValue.trim();
    if (value.startsWith('${{') || (name === 'node' && value !== '' && !value.startsWith('[') && !/^["']?[\dv]/.test(value))) continue;
    if (value.startsWith('[')) {
      for (const item of value.replace(/^\[|\]$/g, '').split(',')) {
        const version = item.trim().replace(/^["']|["']$/g, '');
        if (VERSION_LIKE.test(version)) found.push({ file, line: index + 1, source: name, value: version });
      }
    } else if (value !== '') {
      const version = value.replace(/^["']|["']$/g, '');
      if (VERSION_LIKE.test(version)) found.push({ file, line: index + 1, source: name, value: version });
    } else {
      const indent = line.length - line.trimStart().length;
      for (let next = index + 1; next < lines.length; next++) {
        const item = /^(\s*)-\s+["']?([^"'\s#]+)/.exec(lines[next] ?? '');
        if (!item || (item[1]?.length ?? 0) < indent) break;
        if (VERSION_LIKE.test(item[2] ?? '')) found.push({ file, line: next + 1, source: name, value: item[2] ?? '' });
      }
    }
  }
  return found;
}
