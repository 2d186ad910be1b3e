/**
 * A tolerant reader for the XML of build files (pom.xml): elements, text and line numbers; comments,
 * processing instructions, CDATA and DOCTYPE are skipped; entities are not expanded (no XXE, no bombs).
 */

export interface XmlElement {
  name: string;
  line: number;
  children: XmlElement[];
  text: string;
}

export function parseXml(text: string): XmlElement {
  const root: XmlElement = { name: '#document', line: 1, children: [], text: '' };
  const stack: XmlElement[] = [root];
  let line = 1;
  let pos = 0;
  const advanceTo = (end: number): void => {
    for (let i = text.indexOf('\n', pos); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) line += 1;
    pos = end;
  };
  while (pos < text.length) {
    const open = text.indexOf('<', pos);
    const current = stack[stack.length - 1] as XmlElement;
    if (open === -1) break;
    if (open > pos) current.text += decode(text.slice(pos, open));
    advanceTo(open);
    const skipUntil = (marker: string): void => {
      const end = text.indexOf(marker, pos);
      advanceTo(end === -1 ? text.length : end + marker.length);
    };
    if (text.startsWith('<!--', pos)) skipUntil('-->');
    else if (text.startsWith('<![CDATA[', pos)) {
      const end = text.indexOf(']]>', pos);
      current.text += text.slice(pos + 9, end === -1 ? text.length : end);
      skipUntil(']]>');
    } else if (text.startsWith('<?', pos)) skipUntil('?>');
    else if (text.startsWith('<!', pos)) skipUntil('>');
    else {
      const close = text.indexOf('>', pos);
      if (close === -1) break;
      const tag = text.slice(pos + 1, close);
      const startLine = line;
      advanceTo(close + 1);
      if (tag.startsWith('/')) {
        const name = tag.slice(1).trim();
        const index = stack.map((element) => element.name).lastIndexOf(name);
        if (index > 0) stack.length = index;
      } else {
        const name = /^[^\s/>]{1,200}/.exec(tag)?.[0] ?? '';
        const element: XmlElement = { name, line: startLine, children: [], text: '' };
        current.children.push(element);
        if (!tag.endsWith('/')) stack.push(element);
      }
    }
  }
  return root;
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decode(text: string): string {
  return text.replace(/&(lt|gt|amp|quot|apos);/g, (_match, name: string) => ENTITIES[name] ?? '');
}

export function child(element: XmlElement | undefined, name: string): XmlElement | undefined {
  return element?.children.find((candidate) => candidate.name === name);
}

export function childText(element: XmlElement | undefined, name: string): string | undefined {
  const found = child(element, name);
  return found ? found.text.trim() : undefined;
}
