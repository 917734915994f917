/** Groups values by a key, keeping first-seen order of keys and values (Map.groupBy needs Node 21). */
export function groupBy<T, K>(values: Iterable<T>, keyOf: (v: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const v of values) {
    const k = keyOf(v);
    const list = groups.get(k);
    if (list) list.push(v);
    else groups.set(k, [v]);
  }
  return groups;
}
