/**
 * Aho–Corasick automaton over bytes, case-folded: one pass over a blob tells which keywords it
 * contains, whatever their number, before any regular expression runs. Bytes are mapped to the few
 * classes that occur in keywords and states are stored pre-multiplied by the class count, so the
 * inner loop is one table load per byte on a table small enough to stay in cache.
 */
/** Past this many occurrences of one keyword, a line-scoped rule runs on the whole text instead. */
export const MAX_POSITIONS = 20_000;

export class KeywordPrefilter {
  private readonly classOf = new Uint8Array(256);
  private readonly delta: Int32Array;
  /** Indexed by pre-multiplied state: the index into `outputs` of the keywords ending there, or -1. */
  private readonly outputOf: Int32Array;
  private readonly outputs: number[][] = [];

  constructor(readonly keywords: readonly string[]) {
    let classes = 1;
    for (const keyword of keywords) {
      for (const byte of Buffer.from(keyword.toLowerCase(), 'latin1')) if (this.classOf[byte] === 0) this.classOf[byte] = classes++;
    }
    for (let upper = 0x41; upper <= 0x5a; upper++) this.classOf[upper] = this.classOf[upper + 0x20] ?? 0;

    const goto: Map<number, number>[] = [new Map()];
    const ends: number[][] = [[]];
    keywords.forEach((keyword, id) => {
      let state = 0;
      for (const byte of Buffer.from(keyword.toLowerCase(), 'latin1')) {
        const symbol = this.classOf[byte] ?? 0;
        let next = goto[state]?.get(symbol);
        if (next === undefined) {
          next = goto.length;
          goto.push(new Map());
          ends.push([]);
          goto[state]?.set(symbol, next);
        }
        state = next;
      }
      ends[state]?.push(id);
    });

    const states = goto.length;
    this.delta = new Int32Array(states * classes);
    const fail = new Int32Array(states);
    const queue: number[] = [];
    for (let symbol = 0; symbol < classes; symbol++) {
      const next = symbol === 0 ? undefined : goto[0]?.get(symbol);
      this.delta[symbol] = (next ?? 0) * classes;
      if (next !== undefined) queue.push(next);
    }
    for (let head = 0; head < queue.length; head++) {
      const state = queue[head] ?? 0;
      ends[state]?.push(...(ends[fail[state] ?? 0] ?? []));
      for (let symbol = 0; symbol < classes; symbol++) {
        const next = symbol === 0 ? undefined : goto[state]?.get(symbol);
        const viaFail = this.delta[(fail[state] ?? 0) * classes + symbol] ?? 0;
        if (next === undefined) {
          this.delta[state * classes + symbol] = viaFail;
        } else {
          this.delta[state * classes + symbol] = next * classes;
          fail[next] = viaFail / classes;
          queue.push(next);
        }
      }
    }
    this.outputOf = new Int32Array(states * classes).fill(-1);
    ends.forEach((ids, state) => {
      if (ids.length === 0) return;
      this.outputOf[state * classes] = this.outputs.length;
      this.outputs.push([...new Set(ids)]);
    });
    // A transition into a state where keywords end is stored negated (as -(target + 1)): the scan
    // loop then needs one table load per byte, and a second only at keyword ends.
    for (let i = 0; i < this.delta.length; i++) {
      const target = this.delta[i] ?? 0;
      if ((this.outputOf[target] ?? -1) !== -1) this.delta[i] = -(target + 1);
    }
  }

  /**
   * Marks in `found` (indexed by keyword id) every keyword that occurs in `bytes`; returns how many.
   * For keywords with a list in `positions`, also records the offset where each occurrence ends.
   */
  scan(bytes: Uint8Array, found: Uint8Array, positions?: readonly (number[] | undefined)[], foundIds?: number[]): number {
    const { delta, outputOf, classOf, outputs } = this;
    let state = 0;
    let count = 0;
    for (let i = 0; i < bytes.length; i++) {
      state = delta[state + (classOf[bytes[i] as number] as number)] as number;
      if (state < 0) {
        state = -state - 1;
        for (const id of outputs[outputOf[state] as number] as number[]) {
          if (found[id] === 0) {
            found[id] = 1;
            count++;
            foundIds?.push(id);
          }
          const list = positions?.[id];
          if (list !== undefined && list.length < MAX_POSITIONS) list.push(i);
        }
      }
    }
    return count;
  }
}
