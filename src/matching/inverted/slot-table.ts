/**
 * The token side of the SubscriptionIndex: every distinct slot (word position) of every subscription,
 * looked up by token form, by capitals or by prefix, shared by all subscriptions that use it. `scan`
 * marks which slots an item contains, and where (item-slots.ts).
 */

import type { TokenBuffer } from "../text/token-buffer.js";
import { guardAccepts } from "../words/homonyms.js";
import { MIN_PREFIX, type Slot } from "../words/terms.js";
import { FormTable, fingerprint, TOKEN_HASHES, tokenFingerprints } from "./form-table.js";
import { ItemSlots } from "./item-slots.js";
import { PrefixSlots } from "./prefix-slots.js";
import { BOUND_CELLS, BOUND_SHIFT, RecordArena } from "./record-arena.js";
import { clearBit, growInt32, setBit, swapRemove } from "./typed.js";
import { UnmatchedForms } from "./unmatched-forms.js";

/** One distinct slot; the subscriptions that hang on it are records kept by slot number. */
export interface SlotEntry {
  readonly slot: Slot;
  /** slot number: index into the per-slot typed arrays */
  readonly n: number;
  refs: number;
}

/**
 * Added to a slot number in the form table when the form is guarded (homonyms.ts): such a hit is noted
 * only if the guard accepts the occurrence. One comparison on the hot path; guards run only on these hits.
 */
const GUARDED = 1 << 23;

/** The form table value of a slot's key: the slot number, marked when the form is guarded. */
function formValue(slot: Slot, n: number, key: string): number {
  return slot.guards?.has(key) ? n + GUARDED : n;
}

/** Slots by id and by token key, with per-item presence state. */
export class SlotTable {
  readonly #byId = new Map<string, SlotEntry>();
  /** form fingerprint → slot number(s) */
  readonly #forms = new FormTable();
  /** entries by slot number */
  readonly #entries: Array<SlotEntry | undefined> = [];
  readonly #caps = new Map<string, SlotEntry[]>();
  readonly #prefixes = new PrefixSlots();
  readonly #free: number[] = [];
  #count = 0;
  /** every slot's records (record-arena.ts) */
  readonly #records = new RecordArena();
  /** present anchoring slots of the current item, as slot numbers */
  #hits: Int32Array = new Int32Array(256);
  /** per slot, BOUND_CELLS cells: where its records are in the arena (record-arena.ts) */
  #bounds: Int32Array = new Int32Array(BOUND_CELLS * 1024);
  /** bit per slot: set iff it has records, i.e. some query is anchored on it */
  #anchored: Int32Array = new Int32Array(32);
  /** per slot: how many distinct queries use it in a phrase or NEAR term; its bit set iff some do */
  #positionalUses: Int32Array = new Int32Array(1024);
  #positional: Int32Array = new Int32Array(32);
  readonly #items = new ItemSlots();
  readonly #unmatched = new UnmatchedForms();
  // Per token of the current item: fingerprint (h1, h2), 3-letter and 4-letter bucket hashes.
  #hashes: Int32Array = new Int32Array(TOKEN_HASHES * 256);
  #touched = 0;

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
    this.#unmatched.invalidate();
    const n = this.#free.pop() ?? this.#count++;
    // Form-table values hold a slot number and the guard bit above it.
    if (n >= GUARDED) throw new RangeError(`too many distinct query words: ${n}`);
    if (BOUND_CELLS * n >= this.#bounds.length) {
      const size = (this.#bounds.length / BOUND_CELLS) * 2;
      this.#bounds = growInt32(this.#bounds, BOUND_CELLS * size);
      this.#anchored = growInt32(this.#anchored, size / 32);
      this.#positional = growInt32(this.#positional, size / 32);
      this.#positionalUses = growInt32(this.#positionalUses, size);
      this.#items.grow(size);
    }
    this.#bounds.fill(0, BOUND_CELLS * n, BOUND_CELLS * n + BOUND_CELLS);
    entry = { slot, n, refs: 1 };
    this.#byId.set(slot.id, entry);
    this.#entries[n] = entry;
    if (slot.kind === "prefix") {
      this.#prefixes.add(n, slot.keys[0] as string);
    } else if (slot.kind === "abbr") {
      for (const key of slot.keys) {
        const list = this.#caps.get(key);
        if (list) list.push(entry);
        else this.#caps.set(key, [entry]);
      }
    }
    // Forms, and an abbreviation's title-case spelling (guarded: it must be capitalised).
    for (const key of slot.kind === "forms" || slot.kind === "exact"
      ? slot.keys
      : (slot.guards?.keys() ?? [])) {
      const [h1, h2] = fingerprint(key);
      this.#forms.add(h1, h2, formValue(slot, n, key));
    }
    return entry;
  }

  /** The arena holding every slot's records; slot n's are at [bounds[n·4], bounds[n·4 + 1]). */
  get arena(): Int32Array {
    return this.#records.cells;
  }

  /** Where each slot's records are in the arena, BOUND_CELLS cells per slot. */
  get bounds(): Int32Array {
    return this.#bounds;
  }

  /** Counts a query's phrase or NEAR term on slot `n` (`delta` 1) or takes it back (-1): only such slots'
   * positions are kept per item. */
  usePositions(n: number, delta: number): void {
    const uses = (this.#positionalUses[n] as number) + delta;
    this.#positionalUses[n] = uses;
    if (uses > 0) setBit(this.#positional, n);
    else clearBit(this.#positional, n);
  }

  /** Appends the record of query `no` to slot `n`'s records. */
  appendRecord(n: number, no: number, flags: number, first: number, code: readonly number[]): void {
    this.#records.append(this.#bounds, this.#count, n, no, flags, first, code);
    setBit(this.#anchored, n);
  }

  /** Removes the record of query `no` from slot `n`'s records. */
  removeRecord(n: number, no: number): void {
    this.#records.remove(this.#bounds, n, no);
    const at0 = n << BOUND_SHIFT;
    if ((this.#bounds[at0 + 1] as number) <= (this.#bounds[at0] as number)) clearBit(this.#anchored, n);
  }

  /** Sets the flags and first id of query `no`'s record in slot `n`'s records. */
  setRecordHead(n: number, no: number, flags: number, first: number): void {
    this.#records.setHead(this.#bounds, n, no, flags, first);
  }

  /** Drops a reference; the last one removes the slot and its keys. */
  release(entry: SlotEntry): void {
    if (--entry.refs > 0) return;
    this.#unmatched.invalidate();
    const { slot } = entry;
    this.#byId.delete(slot.id);
    this.#entries[entry.n] = undefined;
    const at0 = entry.n << BOUND_SHIFT;
    this.#records.abandon(this.#bounds, entry.n);
    this.#bounds.fill(0, at0, at0 + BOUND_CELLS);
    clearBit(this.#anchored, entry.n);
    this.#free.push(entry.n);
    if (slot.kind === "prefix") {
      this.#prefixes.remove(entry.n, slot.keys[0] as string);
      return;
    }
    if (slot.kind === "abbr") {
      for (const key of slot.keys) {
        const list = this.#caps.get(key);
        if (!list) continue;
        swapRemove(list, list.indexOf(entry));
        if (list.length === 0) this.#caps.delete(key);
      }
    }
    for (const key of slot.kind === "abbr" ? (slot.guards?.keys() ?? []) : slot.keys) {
      const [h1, h2] = fingerprint(key);
      this.#forms.remove(h1, h2, formValue(slot, entry.n, key));
    }
  }

  /**
   * Marks the slots present in an item and where (valid until the next scan); its `hits` are the present
   * slots that anchor queries. No closures here: variables a closure writes live in a heap context, and
   * this loop runs once per token.
   */
  scan(tokens: TokenBuffer): ItemSlots {
    const items = this.#items;
    items.begin(this.#anchored, this.#positional);
    const forms = this.#forms;
    const caps = this.#caps;
    const short = this.#prefixes.short > 0;
    const long = this.#prefixes.long > 0;
    const { chars, start, length: lengths, pos: positions, caps: capsKeys, compound, count } = tokens;
    const unmatched = this.#unmatched;
    unmatched.begin();
    this.#hashTokens(tokens);
    const hashes = this.#hashes;
    for (let t = 0; t < count; t++) {
      const length = lengths[t] as number;
      const pos = positions[t] as number;
      const at = t * TOKEN_HASHES;
      const h1 = hashes[at] as number;
      const h2 = hashes[at + 1] as number;
      const capsKey = capsKeys[t];
      if (capsKey !== null && capsKey !== undefined) {
        const byCaps = caps.get(capsKey);
        if (byCaps) for (const entry of byCaps) items.note(entry.n, pos);
      }
      if (unmatched.has(h1, h2)) continue;
      // A word repeated in a long text finds its cell in cache (#hashTokens loaded it): no memo needed.
      const byForm = forms.get(h1, h2);
      if (typeof byForm === "number") {
        if (byForm < GUARDED) items.note(byForm, pos);
        else if (this.#guardAccepts(byForm - GUARDED, tokens, t)) items.note(byForm - GUARDED, pos);
      } else if (byForm !== null) {
        for (const v of byForm) {
          if (v < GUARDED) items.note(v, pos);
          else if (this.#guardAccepts(v - GUARDED, tokens, t)) items.note(v - GUARDED, pos);
        }
      }
      let found = byForm !== null;
      if ((short || long) && compound[t] === 0 && length >= MIN_PREFIX) {
        const from = start[t] as number;
        // Buckets by the first 3 letters, then by the first 4 (their fingerprints follow the token's).
        if (short) found = this.#notePrefixes(hashes, at + 2, chars, from, length, pos) || found;
        if (long && length > 3) found = this.#notePrefixes(hashes, at + 4, chars, from, length, pos) || found;
      }
      // What this form matched depends on its letters alone (guards aside, and a guarded form is found).
      if (!found) unmatched.add(h1, h2);
    }
    // The first cell of each present slot's records, loaded ahead as #hashTokens does for the forms.
    const arena = this.#records.cells;
    const bounds = this.#bounds;
    const hits = items.hits;
    let sum = this.#touched;
    for (let h = 0; h < items.hitCount; h++)
      sum ^= arena[bounds[(hits[h] as number) << BOUND_SHIFT] as number] as number;
    this.#touched = sum;
    return items;
  }

  // Notes the prefixes of the bucket whose fingerprint is at hashes[at, at + 2) that the token at
  // chars[from, from + length) starts with; whether there was one.
  #notePrefixes(
    hashes: Int32Array,
    at: number,
    chars: Uint16Array,
    from: number,
    length: number,
    pos: number,
  ): boolean {
    const prefixes = this.#prefixes;
    if (!prefixes.mayHave(hashes[at + 1] as number)) return false;
    let any = false;
    for (let entry = prefixes.bucket(hashes[at] as number, hashes[at + 1] as number); entry >= 0; ) {
      const n = prefixes.slotIfPrefix(entry, chars, from, length);
      if (n >= 0) {
        this.#items.note(n, pos);
        any = true;
      }
      entry = prefixes.next(entry);
    }
    return any;
  }

  // Every token's fingerprint and its 3- and 4-letter bucket hashes in one pass over the letters, then the
  // form-table cell of each token not known to match nothing, loaded ahead of the look-ups (FormTable.touch).
  #hashTokens(tokens: TokenBuffer): void {
    const count = tokens.count;
    const hashes = tokenFingerprints(tokens, this.#hashes);
    this.#hashes = hashes;
    const forms = this.#forms;
    const unmatched = this.#unmatched;
    let sum = this.#touched;
    for (let t = 0; t < count; t++) {
      const h1 = hashes[t * TOKEN_HASHES] as number;
      const h2 = hashes[t * TOKEN_HASHES + 1] as number;
      if (!unmatched.has(h1, h2)) sum ^= forms.touch(h2);
    }
    this.#touched = sum;
  }

  #guardAccepts(n: number, tokens: TokenBuffer, t: number): boolean {
    const guard = (this.#entries[n] as SlotEntry).slot.guards?.get(tokens.form(t));
    return guard === undefined || guardAccepts(guard, tokens.occurrence(t));
  }
}
