/**
 * Aho–Corasick automaton over bytes, case-folded: one pass over a blob tells which keywords it
 * contains, whatever their number, before any regular expression runs.
 */
export class KeywordPrefilter {
  private readonly delta: Int32Array;
  /** For each state, the index into `outputs` of the keywords ending there, or -1. */
  private readonly outputOf: Int32Array;
  private readonly outputs: number[][] = [];

  constructor(readonly keywords: readonly string[]) {
    const goto: Map<number, number>[] = [new Map()];
    const ends: number[][] = [[]];
    keywords.forEach((keyword, id) => {
      let state = 0;
      for (const byte of Buffer.from(keyword.toLowerCase(), 'latin1')) {
        let next = goto[state]?.get(byte);
        if (next === undefined) {
          next = goto.length;
          goto.push(new Map());
          ends.push([]);
          goto[state]?.set(byte, next);
        }
        state = next;
      }
      ends[state]?.push(id);
    });
    const states = goto.length;
    this.delta = new Int32Array(states * 256);
    const fail = new Int32Array(states);
    const order: number[] = [];
    for (let byte = 0; byte < 256; byte++) {
      const next = goto[0]?.get(foldByte(byte));
      this.delta[byte] = next ?? 0;
      if (next !== undefined && !order.includes(next)) order.push(next);
    }
    for (let head = 0; head < order.length; head++) {
      const state = order[head] ?? 0;
      ends[state]?.push(...(ends[fail[state] ?? 0] ?? []));
      for (let byte = 0; byte < 256; byte++) {
        const next = goto[state]?.get(foldByte(byte));
        const viaFail = this.delta[(fail[state] ?? 0) * 256 + byte] ?? 0;
        if (next === undefined) {
          this.delta[state * 256 + byte] = viaFail;
        } else {
          this.delta[state * 256 + byte] = next;
          if (byte === foldByte(byte)) {
            fail[next] = viaFail;
            order.push(next);
          }
        }
      }
    }
    this.outputOf = new Int32Array(states).fill(-1);
    ends.forEach((ids, state) => {
      if (ids.length === 0) return;
      this.outputOf[state] = this.outputs.length;
      this.outputs.push([...new Set(ids)]);
    });
  }

  /** Marks in `found` (indexed by keyword id) every keyword that occurs in `bytes`; returns how many. */
  scan(bytes: Uint8Array, found: Uint8Array): number {
    const delta = this.delta;
    const outputOf = this.outputOf;
    let state = 0;
    let count = 0;
    for (let i = 0; i < bytes.length; i++) {
      state = delta[(state << 8) | (bytes[i] as number)] as number;
      const output = outputOf[state] as number;
      if (output !== -1) {
        for (const id of this.outputs[output] as number[]) {
          if (found[id] === 0) {
            found[id] = 1;
            count++;
          }
        }
      }
    }
    return count;
  }
}

function foldByte(byte: number): number {
  return byte >= 0x41 && byte <= 0x5a ? byte + 0x20 : byte;
}
