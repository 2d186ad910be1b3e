/** Escaping for repository-controlled strings in each output language. Every reporter goes through these. */

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Control characters (other than newline and tab) and bidirectional overrides become U+FFFD: they
 * cannot be shown, and bidi overrides would let a file name reorder the text around it on screen.
 */
export function visibleText(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '\ufffd');
}

/** Safe in HTML text and in double- or single-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char] ?? char);
}

/**
 * Safe in XML 1.0 text and attribute values. Characters XML 1.0 cannot carry at all (most C0 controls,
 * lone surrogates, U+FFFE/U+FFFF) become a visible `\uXXXX` so a hostile file name cannot break the document.
 */
export function escapeXml(text: string): string {
  const visible = text.replace(
    // eslint-disable-next-line no-control-regex
    /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return visible.replace(/[&<>"'\n\r\t]/g, (char) => XML_ESCAPES[char] ?? char);
}

// Newlines and tabs in attribute values would be normalised to spaces by parsers; references keep them.
const XML_ESCAPES: Record<string, string> = { ...HTML_ESCAPES, "'": '&apos;', '\n': '&#10;', '\r': '&#13;', '\t': '&#9;' };

/**
 * Safe inline in GitHub-flavoured Markdown: punctuation that starts markup is backslash-escaped, HTML
 * is neutralised, newlines become spaces, and `@` / `#` get a zero-width space so repository text
 * cannot mention people or reference issues from a pull-request comment.
 */
export function escapeMarkdown(text: string): string {
  return visibleText(text)
    .replace(/[\r\n\u2028\u2029]+/g, ' ')
    .replace(/[\\`*_{}[\]()<>#+\-.!|~&@"]/g, (char) => {
      switch (char) {
        case '<':
          return '&lt;';
        case '>':
          return '&gt;';
        case '&':
          return '&amp;';
        case '"':
          return '&quot;';
        case '@':
          return '@&#8203;';
        case '#':
          return '#&#8203;';
        default:
          return `\\${char}`;
      }
    });
}

/** Percent-encodes a repository path for use as a link target, keeping the slashes. */
export function encodePath(file: string): string {
  return file
    .split('/')
    .map((segment) => encodeURIComponent(segment).replace(/[()'!*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`))
    .join('/');
}
