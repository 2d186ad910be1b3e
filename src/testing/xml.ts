/** A strict, tiny XML 1.0 reader for tests: throws on anything not well-formed, decodes what is. */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const NAME = /[A-Za-z_:][A-Za-z0-9_.:-]{0,200}/y;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
// eslint-disable-next-line no-control-regex
const INVALID_CHAR = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;

export function parseXml(source: string): XmlElement {
  if (INVALID_CHAR.test(source)) throw new Error('character not allowed in XML 1.0');
  let at = 0;
  const fail = (why: string): never => {
    throw new Error(`${why} at offset ${at}: ${JSON.stringify(source.slice(at, at + 40))}`);
  };
  const skipSpace = () => {
    while (at < source.length && ' \t\r\n'.includes(source[at] as string)) at += 1;
  };
  const decode = (raw: string): string => {
    if (raw.includes('<')) fail('"<" in character data');
    return raw.replace(/&([^;&]{0,10});?/g, (match, ref: string) => {
      if (!match.endsWith(';')) fail(`bare "&" in ${JSON.stringify(raw.slice(0, 60))}`);
      if (/^#[0-9]{1,7}$/.test(ref)) return String.fromCodePoint(Number(ref.slice(1)));
      if (/^#x[0-9a-fA-F]{1,6}$/.test(ref)) return String.fromCodePoint(Number.parseInt(ref.slice(2), 16));
      const entity = ENTITIES[ref];
      return entity ?? fail(`unknown entity &${ref};`);
    });
  };
  const readName = (): string => {
    NAME.lastIndex = at;
    const match = NAME.exec(source);
    if (!match) return fail('expected a name');
    at += match[0].length;
    return match[0];
  };
  const readElement = (): XmlElement => {
    if (source[at] !== '<') fail('expected "<"');
    at += 1;
    const element: XmlElement = { name: readName(), attributes: {}, children: [], text: '' };
    for (;;) {
      const before = at;
      skipSpace();
      if (source.startsWith('/>', at)) {
        at += 2;
        return element;
      }
      if (source[at] === '>') {
        at += 1;
        break;
      }
      if (before === at) fail('expected whitespace before attribute');
      const attribute = readName();
      if (attribute in element.attributes) fail(`duplicate attribute ${attribute}`);
      skipSpace();
      if (source[at] !== '=') fail('expected "="');
      at += 1;
      skipSpace();
      const quote = source[at];
      if (quote !== '"' && quote !== "'") return fail('expected a quoted value');
      const end = source.indexOf(quote, at + 1);
      if (end < 0) fail('unterminated attribute');
      element.attributes[attribute] = decode(source.slice(at + 1, end));
      at = end + 1;
    }
    for (;;) {
      const next = source.indexOf('<', at);
      if (next < 0) fail(`unclosed <${element.name}>`);
      const raw = source.slice(at, next);
      if (raw.includes(']]>')) fail('"]]>" in text');
      element.text += decode(raw);
      at = next;
      if (source.startsWith('</', at)) {
        at += 2;
        const closing = readName();
        if (closing !== element.name) fail(`</${closing}> closes <${element.name}>`);
        skipSpace();
        if (source[at] !== '>') fail('expected ">"');
        at += 1;
        return element;
      }
      element.children.push(readElement());
    }
  };
  if (source.startsWith('<?xml')) {
    const end = source.indexOf('?>');
    if (end < 0) fail('unterminated XML declaration');
    at = end + 2;
  }
  skipSpace();
  const root = readElement();
  skipSpace();
  if (at !== source.length) fail('content after the root element');
  return root;
}

export function descendants(element: XmlElement, name: string): XmlElement[] {
  return element.children.flatMap((child) => [...(child.name === name ? [child] : []), ...descendants(child, name)]);
}
