/** Small array helpers for the index's typed-array storage. */

/** A copy of `from` with room for `size` elements. */
export function growInt32(from: Int32Array, size: number): Int32Array {
  const grown = new Int32Array(size);
  grown.set(from);
  return grown;
}

/** Removes list[at] in O(1) by moving the last element there; order is not kept. */
export function swapRemove<T>(list: T[], at: number): void {
  if (at < 0 || at >= list.length) return;
  list[at] = list[list.length - 1] as T;
  list.pop();
}

/** Sets bit n of a bit set kept in 32-bit words. */
export function setBit(bits: Int32Array, n: number): void {
  bits[n >> 5] = (bits[n >> 5] as number) | (1 << (n & 31));
}

/** Clears bit n of a bit set kept in 32-bit words. */
export function clearBit(bits: Int32Array, n: number): void {
  bits[n >> 5] = (bits[n >> 5] as number) & ~(1 << (n & 31));
}
