import { describe, expect, it } from "vitest";
import { SubscriptionIndex } from "../../src/matching/inverted/subscription-index.js";
import { matchQuery } from "../../src/matching/query/matcher.js";
import { parseQuery } from "../../src/matching/query/query.js";
import { CASES } from "./cases.js";

const all = Object.values(CASES).flat();
const queries = [...new Set(all.map(([q]) => q))];
const index = new SubscriptionIndex();
queries.forEach((q, id) => {
  index.add(id, parseQuery(q));
});

describe.each(Object.entries(CASES))("%s", (_group, cases) => {
  it.each(cases.map((c) => [...c]))("%s ← %s %s", (query, title, summary, expected) => {
    const q = parseQuery(query as string);
    const item = { title: title as string, summary: summary as string };
    expect(matchQuery(q, item)).toEqual(expected);
    const id = queries.indexOf(query as string);
    const hit = index.match(item).find((m) => m.id === id);
    expect(hit?.matched ?? null).toEqual(expected);
  });
});

describe("matchQuery and SubscriptionIndex agree", () => {
  const items = all.map(([, title, summary]) => ({ title, summary }));
  it.each(items.map((item) => [item.title, item.summary, item]))("on «%s» «%s»", (_t, _s, item) => {
    const fromIndex = new Map(index.match(item).map((m) => [m.id, m.matched]));
    const expected = new Map<number, string[]>();
    queries.forEach((q, id) => {
      const matched = matchQuery(parseQuery(q), item);
      if (matched) expected.set(id, matched);
    });
    expect(fromIndex).toEqual(expected);
  });
});
