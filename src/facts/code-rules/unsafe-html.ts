import type { CodeRuleSet, HitInput, ScannedFile } from '../code/code-scan.js';
import { GO, JS, PHP, PY, RUBY } from './languages.js';
import { excerpt, forEachCodeLine, matchLinePatterns, stringLiteralAt, type LinePattern } from './text.js';

/** A sanitiser in the same expression, or imported by the file, makes raw HTML safe enough. */
const SANITISER = /DOMPurify|dompurify|sanitize-html|sanitizeHtml|sanitize\s{0,3}\(|\bxss\s{0,3}\(|bleach\.clean|nh3\.clean|\$sanitize/;
/** Rules a sanitiser elsewhere in the same file answers; template filters and request echoes it does not. */
const SANITISABLE = new Set(['vue-v-html', 'angular-bypass']);
const TEMPLATES = ['.html', '.htm', '.jinja', '.jinja2', '.j2', '.njk', '.djhtml', '.twig'];

const PATTERNS: LinePattern[] = [
  { rule: 'template-safe-filter', in: TEMPLATES, pattern: /\{\{[^}]{0,300}\|\s{0,3}safe\b/, message: 'the |safe filter turns off escaping: escape the value, or build trusted markup with format_html/Markup and a sanitiser' },
  { rule: 'template-autoescape-off', in: TEMPLATES, pattern: /\{%-?\s{0,3}autoescape\s{1,3}(?:off|false)\b/i, message: '{% autoescape off %} turns off escaping for the whole block' },
  { rule: 'template-raw', in: ['.twig', '.njk'], pattern: /\{\{[^}]{0,300}\|\s{0,3}raw\b/, message: 'the |raw filter turns off escaping' },
  { rule: 'jinja-autoescape-off', in: PY, pattern: /\bautoescape\s{0,3}=\s{0,3}False\b/, message: 'a Jinja environment with autoescape=False renders values as HTML: use select_autoescape()' },
  { rule: 'vue-v-html', in: ['.vue', '.html', '.htm'], pattern: /\bv-html\s{0,3}=/, unless: SANITISER, message: 'v-html renders the value as HTML: sanitise it (DOMPurify.sanitize) or render text' },
  { rule: 'rails-html-safe', in: RUBY, pattern: /(?:^|[^'"\s])\s{0,3}\.html_safe\b|<%==|<%=\s{0,3}raw[\s(]/, message: 'html_safe/raw marks the value as trusted HTML: sanitize it or let Rails escape it' },
  { rule: 'php-echo-request', in: PHP, pattern: /\b(?:echo|print)\s{0,5}\(?\s{0,5}\$_(?:GET|POST|REQUEST|COOKIE)\b|<\?=\s{0,5}\$_(?:GET|POST|REQUEST|COOKIE)\b/, message: 'request data is echoed without escaping: wrap it in htmlspecialchars()' },
  { rule: 'angular-bypass', in: JS, pattern: /\bbypassSecurityTrust(?:Html|Script|Url|ResourceUrl)\s{0,3}\(/, unless: SANITISER, message: 'bypassSecurityTrust* disables Angular sanitisation for this value' },
];

const KEYWORDS = /mark_safe|safe|autoescape|raw|dangerouslySetInnerHTML|v-html|innerHTML|outerHTML|html_safe|<%==|\$_(?:GET|POST|REQUEST|COOKIE)|bypassSecurityTrust|template\.HTML/;

/** `no-unsafe-html-rendering`: values rendered as HTML without escaping or a sanitiser, in code and templates (tests excluded). */
export const unsafeHtmlRules: CodeRuleSet = {
  control: 'no-unsafe-html-rendering',
  accepts: (file) => !file.isTest && (file.kind === 'source' || file.kind === 'template'),
  keywords: KEYWORDS,
  scan(file, emit) {
    // A component or script that loads a sanitiser is taken to use it on what it renders raw.
    const fileSanitises = SANITISER.test(file.text);
    matchLinePatterns(file, fileSanitises ? PATTERNS.filter((entry) => !SANITISABLE.has(entry.rule)) : PATTERNS, emit);
    forEachCodeLine(file, (line, lineNumber, lines) => {
      if (PY.includes(file.ext as '.py')) nonLiteralCall(line, lineNumber, lines, /\bmark_safe\s{0,3}\(/g, 'mark_safe', 'mark_safe() on a computed value trusts it as HTML: use format_html() or escape()', emit);
      if (GO.includes(file.ext as '.go')) nonLiteralCall(line, lineNumber, lines, /\btemplate\.(?:HTML|JS|URL)\s{0,3}\(/g, 'template-html', 'template.HTML() on a computed value bypasses html/template escaping', emit);
      if ((JS as readonly string[]).includes(file.ext)) {
        dangerousInnerHtml(file, line, lineNumber, lines, fileSanitises, emit);
        if (!fileSanitises) innerHtmlAssignment(line, lineNumber, emit);
      }
    });
  },
};

function nonLiteralCall(line: string, lineNumber: number, lines: readonly string[], opener: RegExp, rule: string, message: string, emit: (hit: HitInput) => void): void {
  for (const match of line.matchAll(opener)) {
    const text = lines.slice(lineNumber - 1, lineNumber + 2).join('\n');
    const start = (match.index ?? 0) + match[0].length;
    const literal = stringLiteralAt(text, start);
    // A plain literal (no f-string, nothing joined to it) is markup the developer wrote.
    if (literal?.terminated && !literal.prefix.includes('f') && /^\s{0,5}[),]/.test(text.slice(literal.end, literal.end + 6))) continue;
    emit({ line: lineNumber, rule, message, evidence: excerpt(line, match.index ?? 0), key: `${rule}:${text.slice(start, start + 40).trim()}` });
  }
}

function dangerousInnerHtml(file: ScannedFile, line: string, lineNumber: number, lines: readonly string[], fileSanitises: boolean, emit: (hit: HitInput) => void): void {
  const at = line.indexOf('dangerouslySetInnerHTML');
  if (at === -1 || fileSanitises) return;
  const expression = lines.slice(lineNumber - 1, lineNumber + 2).join('\n').slice(at, at + 400);
  const html = /__html\s{0,3}:/.exec(expression);
  if (html) {
    const literal = stringLiteralAt(expression, html.index + html[0].length);
    if (literal?.terminated && literal.quote !== '`' && /^\s{0,5}\}/.test(expression.slice(literal.end))) return;
  }
  emit({ line: lineNumber, rule: 'react-dangerously-set-inner-html', message: `dangerouslySetInnerHTML without a sanitiser in ${file.path}: pass the value through DOMPurify.sanitize()`, evidence: excerpt(line, at), key: `dangerouslySetInnerHTML:${expression.slice(0, 80).replace(/\s+/g, '')}` });
}

function innerHtmlAssignment(line: string, lineNumber: number, emit: (hit: HitInput) => void): void {
  for (const match of line.matchAll(/\.(?:innerHTML|outerHTML)\s{0,3}\+?=(?!=)/g)) {
    const start = (match.index ?? 0) + match[0].length;
    const literal = stringLiteralAt(line, start);
    if (literal?.terminated && !(literal.quote === '`' && literal.body.includes('${')) && /^\s{0,5}(?:;|$)/.test(line.slice(literal.end))) continue;
    if (SANITISER.test(line.slice(start))) continue;
    emit({ line: lineNumber, rule: 'inner-html-assignment', message: 'a computed value is assigned to innerHTML: use textContent, or sanitise it with DOMPurify.sanitize()', evidence: excerpt(line, match.index ?? 0), key: `innerHTML:${line.slice(start, start + 40).trim()}` });
  }
}
