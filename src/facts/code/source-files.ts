/**
 * How collectors that read first-party source tell it apart from what the project ships but did not
 * write (vendored, minified, built) and from its tests. Shared so that every source scan agrees.
 */
export const SOURCE_EXTENSIONS = new Set(['.js', '.jsx', '.ts', '.tsx', '.mjs', '.cjs', '.py', '.rb', '.java', '.kt', '.kts', '.go', '.cs', '.php', '.swift', '.dart', '.html', '.erb', '.vue', '.svelte']);
export const NOT_SOURCE = /(^|\/)(node_modules|vendor|dist|build|coverage|\.next)\/|\.min\.js$/;
/** Tests and fixtures show what the application must not do; they are not the application. */
export const TEST_FILE = /(^|\/)(test|tests|__tests__|spec|fixtures?)\/|\.(test|spec)\.[a-z]+$|(^|\/)test_[^/]*\.py$/;
export const COMMENT_LINE = /^\s*(\/\/|\/\*|\*|#(?!\[))/;
/** Lines longer than this are minified or generated; scanning them costs much and finds noise. */
export const MAX_LINE = 2000;
