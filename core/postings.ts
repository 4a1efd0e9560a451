/**
 * Entry lists per key for search (core/search.ts), in compressed row storage:
 * one array of entry numbers and an offset per key. A key held by more than
 * 1/32 of the entries is a bitset instead: smaller then, and ANDed a word at
 * a time. Every operation works on bitsets of the entries (Int32Array, one
 * bit per entry), so a term's keys narrow the candidates without visiting them.
 */
export interface Postings {
  slots: Map<number, number>;
  /** Per slot: its entries at ids[offsets[s]..offsets[s + 1]], or, when dense[s] ≥ 0, bitset number dense[s]. */
  offsets: Uint32Array;
  ids: Uint32Array;
  dense: Int32Array;
  bits: Int32Array;
  words: number;
}

export class PostingsBuilder {
  private readonly slots = new Map<number, number>();
  private seen = new Int32Array(1024).fill(-1);
  private counts = new Uint32Array(1024);
  private pairs = new Uint32Array(1 << 16);
  private length = 0;
  private readonly starts: number[] = [0];
  private entry = 0;

  /** Gives the current entry `key` (once, however often it is added). */
  add(key: number): void {
    let slot = this.slots.get(key);
    if (slot === undefined) {
      slot = this.slots.size;
      this.slots.set(key, slot);
      if (slot === this.seen.length) {
        const seen = new Int32Array(slot * 2).fill(-1);
        seen.set(this.seen);
        this.seen = seen;
        const counts = new Uint32Array(slot * 2);
        counts.set(this.counts);
        this.counts = counts;
      }
    }
    if (this.seen[slot] === this.entry) return;
    this.seen[slot] = this.entry;
    this.counts[slot]!++;
    if (this.length === this.pairs.length) {
      const pairs = new Uint32Array(this.length * 2);
      pairs.set(this.pairs);
      this.pairs = pairs;
    }
    this.pairs[this.length++] = slot;
  }

  nextEntry(): void {
    this.entry++;
    this.starts.push(this.length);
  }

  build(): Postings {
    const entries = this.entry;
    const words = (entries + 31) >>> 5;
    const slotCount = this.slots.size;
    const dense = new Int32Array(slotCount).fill(-1);
    const offsets = new Uint32Array(slotCount + 1);
    let denseCount = 0;
    for (let s = 0; s < slotCount; s++) {
      const count = this.counts[s]!;
      if (count * 32 > entries) dense[s] = denseCount++;
      offsets[s + 1] = offsets[s]! + (dense[s]! >= 0 ? 0 : count);
    }
    const ids = new Uint32Array(offsets[slotCount]!);
    const bits = new Int32Array(denseCount * words);
    const fill = offsets.slice(0, slotCount);
    for (let e = 0; e < entries; e++) {
      for (let p = this.starts[e]!; p < this.starts[e + 1]!; p++) {
        const s = this.pairs[p]!;
        const d = dense[s]!;
        if (d >= 0) bits[d * words + (e >>> 5)]! |= 1 << (e & 31);
        else ids[fill[s]!++] = e;
      }
    }
    return { slots: this.slots, offsets, ids, dense, bits, words };
  }
}

/** target |= the entries of each key (a key not in the postings holds none). */
export function orKeys(p: Postings, keys: readonly number[], target: Int32Array): void {
  for (const key of keys) {
    const s = p.slots.get(key);
    if (s === undefined) continue;
    const d = p.dense[s]!;
    if (d >= 0) {
      const base = d * p.words;
      for (let w = 0; w < p.words; w++) target[w]! |= p.bits[base + w]!;
    } else {
      for (let k = p.offsets[s]!; k < p.offsets[s + 1]!; k++) {
        const e = p.ids[k]!;
        target[e >>> 5]! |= 1 << (e & 31);
      }
    }
  }
}

/** acc &= the union of the keys' entries. */
export function andKeys(p: Postings, keys: readonly number[], acc: Int32Array, tmp: Int32Array): void {
  tmp.fill(0);
  orKeys(p, keys, tmp);
  for (let w = 0; w < acc.length; w++) acc[w]! &= tmp[w]!;
}

/** Every bit set in `bits`, in order. */
export function forEachBit(bits: Int32Array, visit: (entry: number) => void): void {
  for (let w = 0; w < bits.length; w++) {
    for (let word = bits[w]!; word !== 0; word &= word - 1) visit(w * 32 + 31 - Math.clz32(word & -word));
  }
}

export const hasBit = (bits: Int32Array, e: number) => (bits[e >>> 5]! & (1 << (e & 31))) !== 0;
