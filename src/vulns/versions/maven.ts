/**
 * Maven version ordering, after Maven's `ComparableVersion`: numbers and qualifiers separated by
 * `.`, `-` and digit/letter transitions; `alpha < beta < milestone < rc < snapshot < release < sp`,
 * unknown qualifiers after those (alphabetically); trailing zeros and release qualifiers are dropped.
 */

type Item = { kind: 'int'; value: bigint } | { kind: 'string'; value: string } | { kind: 'list'; items: Item[] };

const QUALIFIERS = ['alpha', 'beta', 'milestone', 'rc', 'snapshot', '', 'sp'];
const ALIASES: Record<string, string> = { ga: '', final: '', release: '', cr: 'rc' };
const RELEASE_INDEX = String(QUALIFIERS.indexOf(''));

function stringItem(raw: string, followedByDigit: boolean): Item {
  let value = raw;
  if (followedByDigit && value.length === 1) value = ({ a: 'alpha', b: 'beta', m: 'milestone' } as Record<string, string>)[value] ?? value;
  return { kind: 'string', value: ALIASES[value] ?? value };
}

function comparableQualifier(qualifier: string): string {
  const index = QUALIFIERS.indexOf(qualifier);
  return index === -1 ? `${QUALIFIERS.length}-${qualifier}` : String(index);
}

function isNull(item: Item): boolean {
  if (item.kind === 'int') return item.value === 0n;
  if (item.kind === 'string') return comparableQualifier(item.value) === RELEASE_INDEX;
  return item.items.length === 0;
}

function normalize(list: Item[]): void {
  for (let index = list.length - 1; index >= 0; index -= 1) {
    const last = list[index] as Item;
    if (isNull(last)) list.splice(index, 1);
    else if (last.kind !== 'list') break;
  }
}

export function parseMaven(version: string): Item {
  const text = version.trim().toLowerCase();
  const root: Item[] = [];
  let list = root;
  const stack: Item[][] = [root];
  let isDigit = false;
  let start = 0;
  const parseItem = (part: string): Item => (isDigit ? { kind: 'int', value: BigInt(part) } : stringItem(part, false));
  const openList = (): void => {
    const child: Item[] = [];
    list.push({ kind: 'list', items: child });
    list = child;
    stack.push(child);
  };
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index] as string;
    if (char === '.' || char === '-') {
      list.push(index === start ? { kind: 'int', value: 0n } : parseItem(text.slice(start, index)));
      start = index + 1;
      if (char === '-') openList();
    } else if (char >= '0' && char <= '9') {
      if (!isDigit && index > start) {
        list.push(stringItem(text.slice(start, index), true));
        start = index;
        openList();
      }
      isDigit = true;
    } else {
      if (isDigit && index > start) {
        list.push(parseItem(text.slice(start, index)));
        start = index;
        openList();
      }
      isDigit = false;
    }
  }
  if (text.length > start) list.push(parseItem(text.slice(start)));
  while (stack.length > 0) normalize(stack.pop() as Item[]);
  return { kind: 'list', items: root };
}

export function compareMavenItems(left: Item | undefined, right: Item | undefined): number {
  if (left === undefined) return right === undefined ? 0 : -compareMavenItems(right, undefined);
  switch (left.kind) {
    case 'int':
      if (right === undefined) return left.value === 0n ? 0 : 1;
      if (right.kind === 'int') return left.value < right.value ? -1 : left.value > right.value ? 1 : 0;
      return 1;
    case 'string': {
      if (right === undefined) return compareStrings(comparableQualifier(left.value), RELEASE_INDEX);
      if (right.kind === 'string') return compareStrings(comparableQualifier(left.value), comparableQualifier(right.value));
      return -1;
    }
    case 'list': {
      if (right === undefined) return left.items.length === 0 ? 0 : compareMavenItems(left.items[0], undefined);
      if (right.kind === 'int') return -1;
      if (right.kind === 'string') return 1;
      const length = Math.max(left.items.length, right.items.length);
      for (let index = 0; index < length; index += 1) {
        const result = compareMavenItems(left.items[index], right.items[index]);
        if (result !== 0) return result;
      }
      return 0;
    }
  }
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function compareMaven(a: string, b: string): number {
  return compareMavenItems(parseMaven(a), parseMaven(b));
}
