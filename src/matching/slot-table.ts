/**
 * The token side of the SubscriptionIndex: every distinct slot (word position) of every subscription,
 * looked up by token form, by capitals or by prefix, shared by all subscriptions that use it. `scan`
 * marks which slots an item contains, and where, in typed arrays indexed by slot number.
 */
import { FormTable, fingerprint } from "./form-table.js";
import type { Token } from "./normalize.js";
import type { SlotState } from "./plan-code.js";
import { MIN_PREFIX, type Slot } from "./terms.js";
import { growInt32, growUint32, swapRemove } from "./typed.js";

/** One distinct slot; the subscriptions that hang on it are records kept by slot number. */
export interface SlotEntry {
  readonly slot: Slot;
  /** slot number: index into the per-slot typed arrays */
  readonly n: number;
  refs: number;
}

/** Record flag: the subscription is also anchored on another slot, so a match must be deduplicated. */
export const RECORD_ELSEWHERE = 1;
/** Record flag: a lone-word subscription; its code is just its text number, a hit is a match. */
export const RECORD_SINGLE = 2;

const NO_RECORDS = new Int32Array(1);

/** Slots by id and by token key, with per-item presence state. */
export class SlotTable {
  readonly #byId = new Map<string, SlotEntry>();
  /** form fingerprint → slot number(s) */
  readonly #forms = new FormTable();
  /** entries by slot number */
  readonly #entries: Array<SlotEntry | undefined> = [];
  readonly #caps = new Map<string, SlotEntry[]>();
  /** prefix slot numbers by the fingerprint of their first 4 letters (3 for 3-letter prefixes) */
  readonly #prefixes = new FormTable();
  /** fingerprint and length of each prefix slot's whole prefix, by slot number: checked against the
   * token's running hashes, so confirming a prefix touches no string */
  #prefixH1: Int32Array = new Int32Array(1024);
  #prefixH2: Int32Array = new Int32Array(1024);
  #prefixLength: Int32Array = new Int32Array(1024);
  // Running hashes of the current token, by length - 1.
  #run1: Int32Array = new Int32Array(64);
  #run2: Int32Array = new Int32Array(64);
  #prefixCount = 0;
  readonly #free: number[] = [];
  #count = 0;
  /**
   * The subscriptions evaluated whenever a slot is present in an item, by slot number: records laid end to
   * end after the used length at [0]: [subscription number, flags, code length, ...code (plan-code.ts)].
   * One buffer per slot, read in a row, is what keeps the per-match cost low.
   */
  readonly #records: Int32Array[] = [];
  /** present anchoring slots of the current item, as slot numbers */
  #hits: Int32Array = new Int32Array(256);
  #stamps: Uint32Array = new Uint32Array(1024);
  /** 1 when some subscription is anchored on the slot: only those are worth visiting after a scan */
  #anchoring: Uint8Array = new Uint8Array(1024);
  // Positions of present slots, for phrases: per-slot chain head and last position, into a per-item pool.
  #heads: Int32Array = new Int32Array(1024);
  #lastPos: Int32Array = new Int32Array(1024);
  #poolPos: Int32Array = new Int32Array(1024);
  #poolNext: Int32Array = new Int32Array(1024);

  /** The entry of a slot id currently in the table. */
  get(slotId: string): SlotEntry | undefined {
    return this.#byId.get(slotId);
  }

  /** Takes a reference on a slot, creating its entry and keys on first use. */
  acquire(slot: Slot): SlotEntry {
    let entry = this.#byId.get(slot.id);
    if (entry) {
      entry.refs++;
      return entry;
    }
    const n = this.#free.pop() ?? this.#count++;
    if (n >= this.#stamps.length) {
      const size = this.#stamps.length * 2;
      this.#stamps = growUint32(this.#stamps, size);
      const anchoring = new Uint8Array(size);
      anchoring.set(this.#anchoring);
      this.#anchoring = anchoring;
      this.#heads = growInt32(this.#heads, size);
      this.#lastPos = growInt32(this.#lastPos, size);
      this.#prefixH1 = growInt32(this.#prefixH1, size);
      this.#prefixH2 = growInt32(this.#prefixH2, size);
      this.#prefixLength = growInt32(this.#prefixLength, size);
    }
    this.#stamps[n] = 0;
    this.#anchoring[n] = 0;
    entry = { slot, n, refs: 1 };
    this.#records[n] = NO_RECORDS;
    this.#byId.set(slot.id, entry);
    this.#entries[n] = entry;
    if (slot.kind === "prefix") {
      const prefix = slot.keys[0] as string;
      const [h1, h2] = fingerprint(bucketKey(prefix));
      this.#prefixes.add(h1, h2, n);
      const [p1, p2] = fingerprint(prefix);
      this.#prefixH1[n] = p1;
      this.#prefixH2[n] = p2;
      this.#prefixLength[n] = prefix.length;
      this.#prefixCount++;
    } else if (slot.kind === "abbr") {
      for (const key of slot.keys) {
        const list = this.#caps.get(key);
        if (list) list.push(entry);
        else this.#caps.set(key, [entry]);
      }
    } else {
      for (const key of slot.keys) {
        const [h1, h2] = fingerprint(key);
        this.#forms.add(h1, h2, n);
      }
    }
    return entry;
  }

  /** The records anchored on slot `n`: used length at [0], then records (see #records). */
  records(n: number): Int32Array {
    return this.#records[n] as Int32Array;
  }

  /** Appends the record of subscription `no` to slot `n`'s records. */
  appendRecord(n: number, no: number, flags: number, code: readonly number[]): void {
    let records = this.#records[n] as Int32Array;
    const used = records[0] as number;
    const need = (used === 0 ? 1 : used) + 3 + code.length;
    if (need > records.length) {
      records = growInt32(records, Math.max(need, records.length * 2));
      this.#records[n] = records;
    }
    let at = used === 0 ? 1 : used;
    records[at++] = no;
    records[at++] = flags;
    records[at++] = code.length;
    for (const value of code) records[at++] = value;
    records[0] = at;
    this.#anchoring[n] = 1;
  }

  /** Removes the record of subscription `no` from slot `n`'s records. */
  removeRecord(n: number, no: number): void {
    const records = this.#records[n] as Int32Array;
    const used = records[0] as number;
    for (let at = 1; at < used; at += 3 + (records[at + 2] as number)) {
      if (records[at] !== no) continue;
      const end = at + 3 + (records[at + 2] as number);
      records.copyWithin(at, end, used);
      records[0] = used - (end - at);
      break;
    }
    if ((records[0] as number) <= 1) {
      this.#records[n] = NO_RECORDS;
      this.#anchoring[n] = 0;
    }
  }

  /** Drops a reference; the last one removes the slot and its keys. */
  release(entry: SlotEntry): void {
    if (--entry.refs > 0) return;
    const { slot } = entry;
    this.#byId.delete(slot.id);
    this.#entries[entry.n] = undefined;
    this.#records[entry.n] = NO_RECORDS;
    this.#anchoring[entry.n] = 0;
    this.#free.push(entry.n);
    if (slot.kind === "prefix") {
      const [h1, h2] = fingerprint(bucketKey(slot.keys[0] as string));
      this.#prefixes.remove(h1, h2, entry.n);
      this.#prefixCount--;
      return;
    }
    if (slot.kind === "abbr") {
      for (const key of slot.keys) {
        const list = this.#caps.get(key);
        if (!list) continue;
        swapRemove(list, list.indexOf(entry));
        if (list.length === 0) this.#caps.delete(key);
      }
      return;
    }
    for (const key of slot.keys) {
      const [h1, h2] = fingerprint(key);
      this.#forms.remove(h1, h2, entry.n);
    }
  }

  /** Marks the slots present in an item (stamped with `stamp`); returns the present slots that anchor
   * subscriptions (slot numbers in `hits[0, hitCount)`, valid until the next scan), and every present
   * slot's positions. */
  scan(tokens: readonly Token[], stamp: number): { hits: Int32Array; hitCount: number; state: SlotState } {
    if (stamp === 1) this.#stamps.fill(0);
    const stamps = this.#stamps;
    const heads = this.#heads;
    const lastPos = this.#lastPos;
    let poolPos = this.#poolPos;
    let poolNext = this.#poolNext;
    let used = 0;
    let hits = this.#hits;
    let hitCount = 0;
    const anchoring = this.#anchoring;
    const note = (n: number, pos: number): void => {
      if (stamps[n] === stamp && lastPos[n] === pos) return;
      if (used === poolPos.length) {
        poolPos = this.#poolPos = growInt32(poolPos, used * 2);
        poolNext = this.#poolNext = growInt32(poolNext, used * 2);
      }
      poolPos[used] = pos;
      if (stamps[n] !== stamp) {
        stamps[n] = stamp;
        poolNext[used] = -1;
        if (anchoring[n] === 1) {
          if (hitCount === hits.length) hits = this.#hits = growInt32(hits, hitCount * 2);
          hits[hitCount++] = n;
        }
      } else {
        poolNext[used] = heads[n] as number;
      }
      heads[n] = used++;
      lastPos[n] = pos;
    };
    const forms = this.#forms;
    const caps = this.#caps;
    const prefixes = this.#prefixCount > 0 ? this.#prefixes : null;
    const prefixH1 = this.#prefixH1;
    const prefixH2 = this.#prefixH2;
    const prefixLength = this.#prefixLength;
    let run1 = this.#run1;
    let run2 = this.#run2;
    const startsWith = (n: number, length: number): boolean => {
      const at = (prefixLength[n] as number) - 1;
      return at < length && run1[at] === prefixH1[n] && run2[at] === prefixH2[n];
    };
    const notePrefixes = (found: number | readonly number[] | null, token: Token): void => {
      const length = token.form.length;
      if (typeof found === "number") {
        if (startsWith(found, length)) note(found, token.pos);
      } else if (found !== null) {
        for (const n of found) if (startsWith(n, length)) note(n, token.pos);
      }
    };
    for (const token of tokens) {
      const form = token.form;
      if (form.length > run1.length) {
        run1 = this.#run1 = new Int32Array(form.length * 2);
        run2 = this.#run2 = new Int32Array(form.length * 2);
      }
      // Both fingerprint hashes (see form-table.ts) of the word and of each of its beginnings: the 3- and
      // 4-letter ones find prefix buckets, the rest confirm a prefix.
      let h = 0x811c9dc5;
      let h2 = 0;
      for (let i = 0; i < form.length; i++) {
        const c = form.charCodeAt(i);
        h = Math.imul(h ^ c, 0x01000193);
        h2 = (Math.imul(h2, 0x9e3779b1) + c + 0x7f4a7c15) | 0;
        run1[i] = h;
        run2[i] = h2;
      }
      const byForm = forms.get(h | 0, h2);
      if (typeof byForm === "number") note(byForm, token.pos);
      else if (byForm !== null) for (const n of byForm) note(n, token.pos);
      if (token.caps !== null) {
        const byCaps = caps.get(token.caps);
        if (byCaps) for (const entry of byCaps) note(entry.n, token.pos);
      }
      if (prefixes === null || token.compound || form.length < MIN_PREFIX) continue;
      notePrefixes(prefixes.get(run1[2] as number, run2[2] as number), token);
      if (form.length > 3) notePrefixes(prefixes.get(run1[3] as number, run2[3] as number), token);
    }
    return { hits, hitCount, state: { stamps, stamp, heads, poolPos, poolNext } };
  }
}

// Prefixes are bucketed by 4 letters (3 for 3-letter ones): a token checks at most two small buckets.
function bucketKey(prefix: string): string {
  return prefix.slice(0, prefix.length >= 4 ? 4 : MIN_PREFIX);
}
