/**
 * The prefix slots (`лити*`) of the slot table: bucketed by the fingerprint of their first 4 letters (3 for
 * 3-letter prefixes), so a token checks at most two small buckets; each prefix's own fingerprint and
 * length are kept by slot number and checked against the token's running hashes, so confirming a prefix
 * touches no string.
 */
import { MIN_PREFIX } from "../words/terms.js";
import { FormTable, fingerprint } from "./form-table.js";
import { growInt32 } from "./typed.js";

// Prefixes are bucketed by 4 letters (3 for 3-letter ones).
function bucketKey(prefix: string): string {
  return prefix.slice(0, prefix.length >= 4 ? 4 : MIN_PREFIX);
}

/** Prefix slots by bucket, with each one's whole-prefix fingerprint. */
export class PrefixSlots {
  /** slot numbers by bucket fingerprint */
  readonly buckets = new FormTable();
  /** by slot number: the whole prefix's two hashes and its length */
  h1: Int32Array = new Int32Array(1024);
  h2: Int32Array = new Int32Array(1024);
  length: Int32Array = new Int32Array(1024);
  /** prefixes bucketed by 3 letters and by 4: a bucket length no prefix uses is not looked up at all */
  short = 0;
  long = 0;

  /** Makes room for slot numbers below `size`. */
  grow(size: number): void {
    this.h1 = growInt32(this.h1, size);
    this.h2 = growInt32(this.h2, size);
    this.length = growInt32(this.length, size);
  }

  /** Adds prefix slot `n`. */
  add(n: number, prefix: string): void {
    const [h1, h2] = fingerprint(bucketKey(prefix));
    this.buckets.add(h1, h2, n);
    const [p1, p2] = fingerprint(prefix);
    this.h1[n] = p1;
    this.h2[n] = p2;
    this.length[n] = prefix.length;
    if (prefix.length >= 4) this.long++;
    else this.short++;
  }

  /** Removes prefix slot `n`. */
  remove(n: number, prefix: string): void {
    const [h1, h2] = fingerprint(bucketKey(prefix));
    this.buckets.remove(h1, h2, n);
    if (prefix.length >= 4) this.long--;
    else this.short--;
  }
}
