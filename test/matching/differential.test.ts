import { describe, expect, it } from "vitest";
import { STRESS } from "../../bench/matching/article.js";
import { makeItems, makeQueries, makeVocabulary } from "../../bench/matching/corpus.js";
import { SubscriptionIndex } from "../../src/matching/inverted/subscription-index.js";
import { sourceAllowed } from "../../src/matching/query/evaluate.js";
import { matchTokens } from "../../src/matching/query/matcher.js";
import { parseQuery, type Query } from "../../src/matching/query/query.js";
import { tokenizeItem } from "../../src/matching/text/normalize.js";

// The index (typed arrays, anchors, shared slots) against the simple reference matcher, on the
// benchmark's generated subscriptions and news, before and after churn.
describe("SubscriptionIndex agrees with matchQuery on generated data", { timeout: 60_000 }, () => {
  const vocab = makeVocabulary(3, 2000);
  // With NEAR and source: in the mix, and full texts (articles, and bodies of followed words only) on half of the items.
  const texts = makeQueries(2000, 11, vocab, 0.3, true);
  const queries: Query[] = texts.map((t) => parseQuery(t));
  const items = [
    ...makeItems(100, 5, vocab),
    ...makeItems(30, 6, vocab, true, 3000),
    ...makeItems(30, 7, vocab, true, 3000, STRESS),
  ];
  const tokenized = items.map((item) => tokenizeItem(item.title, item.summary, item.body));

  it("the generated mix really has the new operators and full texts", () => {
    expect(texts.filter((t) => t.includes(" NEAR/")).length).toBeGreaterThan(50);
    expect(texts.filter((t) => t.includes("source:")).length).toBeGreaterThan(50);
    expect(items.filter((i) => (i.body?.length ?? 0) > 3000).length).toBe(60);
  });

  let everything: Array<Map<number, string[]>> | null = null;
  // The reference is slow on full texts: every live query is a subset of all, so compute all once.
  function expected(live: (id: number) => boolean): Array<Map<number, string[]>> {
    everything ??= reference();
    return everything.map((found) => new Map([...found].filter(([id]) => live(id))));
  }

  function reference(): Array<Map<number, string[]>> {
    const live = (_id: number) => true;
    return tokenized.map((tokens, i) => {
      const found = new Map<number, string[]>();
      queries.forEach((q, id) => {
        if (!live(id)) return;
        if (!sourceAllowed(q, items[i]?.source)) return;
        const matched = matchTokens(q, tokens);
        if (matched) found.set(id, matched);
      });
      return found;
    });
  }

  function actual(index: SubscriptionIndex): Array<Map<number, readonly string[]>> {
    return items.map((item) => new Map(index.match(item).map((m) => [m.id, m.matched])));
  }

  it("matches exactly the same subscriptions with the same terms", () => {
    const index = new SubscriptionIndex();
    queries.forEach((q, id) => {
      index.add(id, q);
    });
    const want = expected(() => true);
    expect(want.reduce((n, m) => n + m.size, 0)).toBeGreaterThan(200);
    expect(actual(index)).toEqual(want);
  });

  it("still agrees after removing a third and re-adding some under new ids", () => {
    const index = new SubscriptionIndex();
    queries.forEach((q, id) => {
      index.add(id, q);
    });
    for (let id = 0; id < queries.length; id += 3) index.remove(id);
    // Re-adding the same queries under other ids exercises recycled slot and subscription numbers.
    const readded = new Map<number, number>();
    for (let id = 0; id < queries.length; id += 9) {
      index.add(100_000 + id, queries[id] as Query);
      readded.set(100_000 + id, id);
    }
    expect(index.size).toBe(queries.length - Math.ceil(queries.length / 3) + readded.size);
    const all = expected(() => true);
    const want = all.map((found, i) => {
      const live = new Map([...found].filter(([id]) => id % 3 !== 0));
      for (const [newId, original] of readded) {
        const matched = all[i]?.get(original);
        if (matched) live.set(newId, matched);
      }
      return live;
    });
    const got = actual(index);
    expect(got).toEqual(want);
  });
});
