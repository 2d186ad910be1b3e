import path from 'node:path';
import type { Repository } from '../../repo/repository.js';
import { skippedDirectoryOf } from '../supply-chain/lockfiles.js';
import type { CiTrigger, RawJob } from './model.js';

const STAGE = /\bstage\s{0,4}\(\s{0,4}(?:name:\s{0,4})?['"]([^'"\n]{1,200})['"]/;
const STEP = /\b(sh|bat|powershell|pwsh)\s{0,4}\(?\s{0,4}(?:(?:label|returnStdout|returnStatus|encoding):[^,\n]{0,80},\s{0,4})*(?:script:\s{0,4})?('''|"""|'|")/;

interface Stage {
  name: string;
  line: number;
  depth: number;
  job: RawJob;
}

/** Jenkinsfiles read as text: every stage is a job, its `sh`/`bat` steps its commands. */
export function jenkinsJobs(repo: Repository): RawJob[] {
  // Jenkinsfiles under test fixtures, vendored code or node_modules are not this repository's pipeline.
  const files = repo.files
    .map((file) => file.path)
    .filter((file) => /^(Jenkinsfile([._-].{1,60})?|.{1,60}\.jenkinsfile)$/i.test(path.posix.basename(file)) && skippedDirectoryOf(file) === undefined);
  return files.flatMap((file) => {
    const text = repo.readText(file);
    return text === undefined ? [] : parseJenkinsfile(file, text);
  });
}

export function parseJenkinsfile(file: string, text: string): RawJob[] {
  const lines = text.split('\n');
  const scheduled = /\b(cron|pollSCM)\s{0,4}\(/.test(text);
  const base: CiTrigger[] = scheduled ? ['push', 'pull_request', 'schedule'] : ['push', 'pull_request'];
  const pipeline: RawJob = { system: 'jenkins', file, id: 'pipeline', line: 1, triggers: base, environments: [], approval: false, commands: [], uses: [] };
  const jobs: RawJob[] = [];
  const stack: Stage[] = [];
  let depth = 0;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] ?? '';
    const lineNumber = index + 1;
    const trimmed = line.trim();
    if (trimmed.startsWith('//')) continue;
    const current = stack[stack.length - 1]?.job ?? pipeline;
    const stage = STAGE.exec(line);
    if (stage?.[1]) {
      const job: RawJob = { system: 'jenkins', file, id: stage[1], line: lineNumber, triggers: [...base], environments: [], approval: false, commands: [], uses: [] };
      // A declarative pipeline stops at the first failing stage: every earlier stage gates this one.
      if (jobs.length > 0) job.after = jobs.map((earlier) => earlier.id);
      jobs.push(job);
      stack.push({ name: stage[1], line: lineNumber, depth, job });
    }
    const target = stage ? (stack[stack.length - 1]?.job ?? pipeline) : current;
    if (/\bwhen\s{0,4}\{/.test(line) || stack.length > 0) applyWhen(trimmed, target);
    if (/\binput\s{0,4}[({]|\binput\s{1,4}(message|['"])/.test(line)) target.approval = true;
    const image = /\bimage\s{0,4}\(?\s{0,4}['"]([^'"\n]{1,200})['"]/.exec(line) ?? /\bdocker\.image\(\s{0,4}['"]([^'"\n]{1,200})['"]/.exec(line);
    if (image?.[1]) target.uses.push({ kind: 'image', ref: image[1], line: lineNumber });
    const step = STEP.exec(line);
    if (step?.[2] && step.index !== undefined) {
      const quote = step[2];
      const start = step.index + step[0].length;
      const rest = line.slice(start);
      const close = rest.indexOf(quote);
      if (close !== -1) {
        pushScript(target, rest.slice(0, close), lineNumber);
      } else if (quote.length === 3) {
        const body: string[] = [rest];
        let end = index + 1;
        for (; end < lines.length && end < index + 500; end++) {
          const next = lines[end] ?? '';
          const at = next.indexOf(quote);
          if (at !== -1) {
            body.push(next.slice(0, at));
            break;
          }
          body.push(next);
        }
        body.forEach((scriptLine, offset) => pushScript(target, scriptLine, lineNumber + offset));
        depth += countBraces(line.slice(0, step.index));
        index = end;
        continue;
      }
    }
    depth += countBraces(line);
    while (stack.length > 0 && depth <= (stack[stack.length - 1]?.depth ?? 0) && !stage) stack.pop();
  }
  return [...(pipeline.commands.length ? [pipeline] : []), ...jobs];
}

function pushScript(job: RawJob, text: string, line: number): void {
  const trimmed = text.trim();
  if (trimmed && !trimmed.startsWith('#')) job.commands.push({ text: trimmed, line });
}

function applyWhen(line: string, job: RawJob): void {
  if (/\bbranch\s{1,4}['"(]|\bbranch\s{0,4}pattern:/.test(line)) job.triggers = ['push'];
  if (/\bchangeRequest\b/.test(line)) job.triggers = ['pull_request'];
  if (/\b(tag\s{1,4}['"(]|buildingTag\s{0,4}\()/.test(line)) job.triggers = ['tag'];
}

function countBraces(line: string): number {
  let count = 0;
  let quote: string | undefined;
  for (const c of line) {
    if (quote) {
      if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '{') count++;
    else if (c === '}') count--;
  }
  return count;
}
