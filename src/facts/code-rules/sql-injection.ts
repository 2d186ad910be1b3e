import type { CodeRuleSet, HitInput, ScannedFile } from '../code/code-scan.js';
import { GO, JS, JVM, PHP, PY, RUBY } from './languages.js';
import { excerpt, forEachCodeLine, nextToken, stringLiteralAt, textFrom, type StringLiteral } from './text.js';

const SQL_WORDS = /\b(?:select|insert|update|delete|from|where|values|order\s{1,5}by|group\s{1,5}by|join|drop|create|alter|union|exec|limit)\b/i;

interface RawQueryApi {
  in: readonly string[];
  /** A call that takes SQL text; `g` so that every call on a line is seen. */
  opener: RegExp;
  /** Ruby's where/order take fragments without SQL keywords; elsewhere a string without them is not SQL. */
  fragments?: boolean;
}

const APIS: RawQueryApi[] = [
  { in: PY, opener: /(?:\.(?:execute|executemany|executescript|raw|extra|read_sql|read_sql_query)|\bRawSQL|\btext)\s{0,3}\(/g },
  { in: JS, opener: /\.(?:raw|query|execute|whereRaw|orderByRaw|havingRaw|joinRaw|selectRaw|unsafe|\$queryRawUnsafe|\$executeRawUnsafe)\s{0,3}\(/g },
  { in: GO, opener: /\.(?:Query|QueryRow|Exec|QueryContext|QueryRowContext|ExecContext|Queryx|QueryRowx|Select|Get|MustExec|NamedExec|Raw)\s{0,3}\(/g },
  { in: JVM, opener: /\.(?:executeQuery|executeUpdate|executeLargeUpdate|execute|prepareStatement|prepareCall|addBatch|createQuery|createNativeQuery|createSQLQuery|queryForList|queryForObject|queryForMap|queryForRowSet|update|query)\s{0,3}\(/g },
  { in: PHP, opener: /(?:\b(?:mysqli_query|mysql_query|pg_query|mysqli_multi_query|mysqli_real_query)\s{0,3}\(\s{0,3}\$\w{1,40}\s{0,3},|->(?:query|exec|multi_query|real_query|prepare|unprepared|statement|select|whereRaw|orderByRaw|selectRaw)\s{0,3}\(|::(?:raw|select|statement|unprepared)\s{0,3}\()/g },
  { in: RUBY, opener: /\.(?:where|having|order|joins|group|find_by_sql|count_by_sql|execute|exec_query|select_all|select_one|select_value|select_values|pluck|delete_all|update_all)\s{0,3}\(/g, fragments: true },
];

const KEYWORDS = /execute|raw|query|extra|read_sql|text\s{0,3}\(|exec|select|get\(|prepare|addBatch|update|where|having|order|joins|group|find_by_sql|pluck|delete_all/i;

/** `no-sql-injection-patterns`: SQL text built by interpolation or concatenation handed to raw-query APIs (tests excluded). */
export const sqlInjectionRules: CodeRuleSet = {
  control: 'no-sql-injection-patterns',
  accepts: (file) => !file.isTest && (file.kind === 'source' || file.ext === '.vue' || file.ext === '.svelte'),
  keywords: KEYWORDS,
  scan(file, emit) {
    const apis = APIS.filter((api) => api.in.includes(file.ext));
    if (apis.length > 0) scanCalls(file, apis, emit);
  },
};

/** An assignment: the name and where its value starts (`+=`/`.=` append). */
const ASSIGNMENT = /^\s{0,40}(?:(?:const|let|var|final|String|string|val|var)\s{1,5}){0,3}(\$?[A-Za-z_][\w]{0,40})\s{0,3}(?::\s{0,3}[\w<>[\]]{1,30}\s{0,3})?(\+=|\.=|:=|=)(?!=)/;
/** How far below its assignment a built query may be run and still be traced to it. */
const TRACE_LINES = 40;

interface BuiltName {
  line: number;
  how: string;
}

function scanCalls(file: ScannedFile, apis: readonly RawQueryApi[], emit: (hit: HitInput) => void): void {
  // Names that hold SQL text, and those among them built from values (`q = f"SELECT … {x}"`), so
  // that `cursor.execute(q)` a few lines later is traced back to how q was made.
  const sqlNames = new Set<string>();
  const built = new Map<string, BuiltName>();
  forEachCodeLine(file, (line, lineNumber, lines) => {
    let window: string | undefined;
    const assignment = ASSIGNMENT.exec(line);
    if (assignment) {
      window ??= textFrom(lines, lineNumber);
      trackAssignment(window, assignment, lineNumber, file.ext, sqlNames, built);
    }
    if (!line.includes('(')) return;
    for (const api of apis) {
      api.opener.lastIndex = 0;
      for (const match of line.matchAll(api.opener)) {
        window ??= textFrom(lines, lineNumber);
        const call = match[0].replace(/[\s(]/g, '');
        const { start, fragments } = firstArgument(window, (match.index ?? 0) + match[0].length, file.ext, api.fragments === true);
        let how = builtQuery(window, start, file.ext, fragments);
        if (!how) how = tracedName(window, start, file.ext, lineNumber, sqlNames, built);
        if (!how) continue;
        emit({ line: lineNumber, rule: 'sql-built-from-strings', message: `SQL built by ${how} is passed to ${call}(): use bound parameters (placeholders) instead`, evidence: excerpt(line, match.index ?? 0), key: `${call}:${how.replace(/ on line \d+$/, '')}` });
      }
    }
  });
}

function trackAssignment(window: string, assignment: RegExpExecArray, lineNumber: number, ext: string, sqlNames: Set<string>, built: Map<string, BuiltName>): void {
  const name = assignment[1] ?? '';
  const appending = assignment[2] === '+=' || assignment[2] === '.=';
  const start = assignment[0].length;
  if (appending && !sqlNames.has(name)) return;
  const how = builtQuery(window, start, ext, appending);
  if (how) {
    sqlNames.add(name);
    built.set(name, { line: lineNumber, how });
    return;
  }
  if (appending) return;
  const literal = stringLiteralAt(window, start);
  if (literal?.terminated && SQL_WORDS.test(literal.body)) sqlNames.add(name);
  else sqlNames.delete(name);
  built.delete(name);
}

/** A query passed by name: built earlier in the file, or formatted or joined right here (`execute(sql % x)`). */
function tracedName(window: string, start: number, ext: string, lineNumber: number, sqlNames: ReadonlySet<string>, built: ReadonlyMap<string, BuiltName>): string | undefined {
  const argument = /^\s{0,5}(\$?[A-Za-z_][\w]{0,40})\s{0,3}([,)%+.]?)/.exec(window.slice(start, start + 60));
  if (!argument) return undefined;
  const name = argument[1] ?? '';
  const next = argument[2] ?? '';
  if (next === ',' || next === ')') {
    const origin = built.get(name);
    return origin && lineNumber - origin.line <= TRACE_LINES ? `${origin.how} on line ${origin.line}` : undefined;
  }
  if (!sqlNames.has(name)) return undefined;
  return joined(window, start + argument[0].length - 1, ext);
}

/** Where the SQL argument starts, past keyword names (`where=[`) and leading context or destination arguments. */
function firstArgument(text: string, offset: number, ext: string, fragments: boolean): { start: number; fragments: boolean } {
  let start = offset;
  if (PY.includes(ext as '.py')) {
    // `.extra(where=[...])` and keyword arguments: the SQL follows the `=` (and a list bracket).
    const keyword = /^\s{0,5}(\w{1,20})\s{0,3}=(?!=)\s{0,3}\[?/.exec(text.slice(start, start + 40));
    if (keyword) {
      start += keyword[0].length;
      // extra()'s where/select/order_by take clause fragments, which need not contain a keyword.
      if (/^(where|select|order_by|tables)$/.test(keyword[1] ?? '')) fragments = true;
    }
  }
  if (GO.includes(ext as '.go') || JVM.includes(ext as '.java')) {
    // A leading context or destination argument (`ctx, `, `&rows, `).
    const leading = /^\s{0,5}&?[A-Za-z_][\w.]{0,40}\s{0,3},/.exec(text.slice(start, start + 60));
    if (leading && /^\s{0,5}(?:ctx|context|c|r\.Context\(\)|dest|&\w{1,40})\s{0,3},$/.test(leading[0])) start += leading[0].length;
  }
  return { start, fragments };
}

/** How the expression at `start` builds SQL from values, or undefined when it is a constant, a variable or not SQL. */
function builtQuery(text: string, start: number, ext: string, fragments: boolean): string | undefined {
  const formatted = /^\s{0,5}(?:fmt\.Sprintf|String\.format|sprintf|format)\s{0,3}\(/.exec(text.slice(start, start + 40));
  if (formatted) {
    const literal = stringLiteralAt(text, start + formatted[0].length);
    return literal && (fragments || SQL_WORDS.test(literal.body)) && /%[sdvq]|\{\}/.test(literal.body) ? `${formatted[0].trim().replace(/\s{0,3}\($/, '')}()` : undefined;
  }
  const literal = stringLiteralAt(text, start);
  if (!literal?.terminated) return undefined;
  if (!fragments && !SQL_WORDS.test(literal.body)) return undefined;
  const interpolation = interpolated(literal, ext);
  if (interpolation) return interpolation;
  return joined(text, literal.end, ext);
}

function interpolated(literal: StringLiteral, ext: string): string | undefined {
  if (literal.quote === '`' && literal.body.includes('${')) return 'template-literal interpolation';
  if (PY.includes(ext as '.py') && literal.prefix.includes('f') && /\{[^{}]/.test(literal.body)) return 'an f-string';
  if (PHP.includes(ext as '.php') && literal.quote === '"' && /\$[A-Za-z_{]/.test(literal.body)) return 'string interpolation';
  if (RUBY.includes(ext as '.rb') && literal.quote === '"' && literal.body.includes('#{')) return 'string interpolation';
  if ((ext === '.kt' || ext === '.kts' || ext === '.groovy' || ext === '.scala') && literal.quote === '"' && /\$\{|\$[A-Za-z_]/.test(literal.body)) return 'string interpolation';
  return undefined;
}

/** Concatenation or formatting right after the literal, with something other than another literal. */
function joined(text: string, end: number, ext: string): string | undefined {
  const { character, index } = nextToken(text, end);
  const after = nextToken(text, index + 1).character;
  const isLiteral = after === '"' || after === "'" || after === '`';
  if (character === '+' && !isLiteral && after !== '') return 'concatenation';
  if (PHP.includes(ext as '.php') && character === '.' && after === '$') return 'concatenation';
  if (PY.includes(ext as '.py')) {
    if (character === '%' && after !== '=' && !isLiteral) return '% formatting';
    if (text.startsWith('.format(', index)) return 'str.format()';
  }
  return undefined;
}
