/**
 * A Pod manifest for control tables, laid out so that lines are predictable: `podLines` start at
 * line 6 (indented under `spec:`), the `- name:` of the container is at line 7 + podLines.length and
 * `containerLines` follow it.
 */
export function podManifest(options: { name?: string; podLines?: string[]; containerLines?: string[] } = {}): string {
  const podLines = options.podLines ?? [];
  const containerLines = options.containerLines ?? ['image: app@sha256:' + 'a'.repeat(64)];
  return [
    'apiVersion: v1',
    'kind: Pod',
    'metadata:',
    `  name: ${options.name ?? 'app'}`,
    'spec:',
    ...podLines.map((line) => `  ${line}`),
    '  containers:',
    '    - name: app',
    ...containerLines.map((line) => `      ${line}`),
    '',
  ].join('\n');
}
