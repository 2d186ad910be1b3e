import { fingerprintOf } from '../../core/redact.js';
import type { CodeRuleSet } from '../code/code-scan.js';
import { MAX_LINE } from '../code/source-files.js';
import { withoutCredentials } from './text.js';

/**
 * A suppression marker right after a comment opener (only blanks between), so that a marker quoted
 * in a string or a regular expression is not taken for one.
 */
const MARKER = /(?:#|\/\/|\/\*|<!--|--|^[ \t]{0,40}\*)[ \t]{0,10}(nosec|nosemgrep|NOSONAR|noqa|eslint-disable(?:-next-line|-line)?|checkov:skip|tfsec:ignore|trivy:ignore|kics-scan[ \t]{1,5}(?:ignore(?:-line|-block)?|disable)|gitleaks:allow|pragma:[ \t]{0,5}allowlist[ \t]{1,5}secret|tenet:ignore|tenet:allow)(?![\w-])/i;

/** What follows each marker before its reason: rule ids in the tool's own syntax. */
const IDS: [RegExp, RegExp][] = [
  [/^nosec$/i, /^[ \t]{0,5}[:=]?[ \t]{0,5}(?:[A-Z]{1,2}\d{2,4}(?:[ \t]{0,3}[,;]?[ \t]{0,3}[A-Z]{1,2}\d{2,4}){0,30})?/],
  [/^nosemgrep$/i, /^(?::[ \t]{0,5}[\w.\-/]{1,200}(?:[ \t]{0,3},[ \t]{0,3}[\w.\-/]{1,200}){0,20})?/],
  [/^checkov:skip$/i, /^=[\w,]{1,200}:?/],
  [/^(?:tfsec|trivy):ignore$/i, /^:[\w-]{1,100}(?::exp:[\d-]{1,12})?(?:\[[^\]]{0,200}\])?/],
  [/^kics-scan/i, /^(?:=[\w,-]{1,400})?/],
  [/^tenet:(?:ignore|allow)$/i, /^(?:[ \t]{1,5}[A-Za-z0-9,:_-]{1,400}(?=[ \t]|$))?/],
];

/** ESLint rules whose silencing hides a security problem. */
const SECURITY_ESLINT_RULE = /^(?:security|security-node|no-unsanitized|xss|@microsoft\/sdl|scanjs-rules|no-secrets|react-security)\/|^(?:no-eval|no-implied-eval|no-new-func|no-script-url|react\/no-danger|react\/no-danger-with-children|@typescript-eslint\/no-implied-eval|detect-[\w-]{1,60})$/;

const KEYWORDS = /noqa|nosec|nosemgrep|NOSONAR|eslint-disable|checkov:skip|tfsec:ignore|trivy:ignore|kics-scan|gitleaks:allow|allowlist secret|tenet:ignore|tenet:allow/i;

/**
 * `inline-suppressions-justified`: every inline security suppression, with the reason written beside
 * it (in `detail`), so that the control can judge whether there is one. Tests are left out: their
 * suppressions silence deliberate bad examples.
 */
export const suppressionRules: CodeRuleSet = {
  control: 'inline-suppressions-justified',
  accepts: (file) => !file.isTest,
  keywords: KEYWORDS,
  scan(file, emit) {
    file.lines().forEach((line, index) => {
      if (line.length > MAX_LINE || !KEYWORDS.test(line)) return;
      const match = MARKER.exec(line);
      if (!match || insideString(line, match.index ?? 0)) return;
      const marker = (match[1] ?? '').replace(/\s+/g, ' ');
      let rest = line.slice((match.index ?? 0) + match[0].length).replace(/\s{0,5}(?:\*\/|-->)\s{0,5}$/, '');
      let reason: string;
      if (/^noqa$/i.test(marker)) {
        // flake8-bandit and Ruff's S rules are Bandit's checks; other noqa codes are style.
        const codes = /^[ \t]{0,3}:[ \t]{0,3}([A-Z]{1,3}\d{1,4}(?:[ \t]{0,3},[ \t]{0,3}[A-Z]{1,3}\d{1,4}){0,30})/.exec(rest);
        if (!codes || !/(^|[\s,])S\d{3}\b/.test(codes[1] ?? '')) return;
        reason = rest.slice(codes[0].length);
      } else if (/^eslint-disable/i.test(marker)) {
        const [rules = '', description = ''] = rest.split(/\s--\s?/, 2);
        const named = rules.split(',').map((rule) => rule.trim()).filter(Boolean);
        if (!named.some((rule) => SECURITY_ESLINT_RULE.test(rule))) return;
        reason = description;
      } else if (/^NOSONAR$/i.test(marker)) {
        const parenthesised = /^\(([^)]{0,200})\)/.exec(rest);
        reason = parenthesised ? (parenthesised[1] ?? '') : rest;
      } else {
        const ids = IDS.find(([name]) => name.test(marker))?.[1].exec(rest);
        if (ids) rest = rest.slice(ids[0].length);
        reason = rest;
      }
      reason = reason.replace(/^[\s\-–—:;,.=]+/, '').trim();
      emit({
        line: index + 1,
        rule: marker.toLowerCase().replace(/\s.*$/, ''),
        message: marker,
        evidence: withoutCredentials(line.slice(match.index ?? 0, (match.index ?? 0) + 100).trim()),
        // The line may hold the very secret a gitleaks:allow lets through: identify it by a hash.
        key: `${marker.toLowerCase()}:${fingerprintOf(line.trim())}`,
        detail: reason.slice(0, 300),
      });
    });
  },
};

/** Whether `index` lies inside a quoted string (an odd number of one quote kind before it): a marker there is data, not a comment. */
function insideString(line: string, index: number): boolean {
  const before = line.slice(0, index);
  return ['"', "'", '`'].some((quote) => before.split(quote).length % 2 === 0);
}
