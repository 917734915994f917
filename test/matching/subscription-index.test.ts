import { describe, expect, it } from "vitest";
import { SubscriptionIndex } from "../../src/matching/inverted/subscription-index.js";
import { matchQuery } from "../../src/matching/query/matcher.js";
import { parseQuery } from "../../src/matching/query/query.js";

const byId = (matches: Array<{ id: number; matched: readonly string[] }>) =>
  [...matches].sort((a, b) => a.id - b.id);
const ids = (matches: Array<{ id: number }>) => matches.map((m) => m.id).sort((a, b) => a - b);

const item = {
  title: "ЦБ сохранил ключевую ставку",
  summary: "<p>Цены на литий и никель растут, Китай&nbsp;молчит</p>",
};

describe("SubscriptionIndex", () => {
  it("adds, matches, removes incrementally", () => {
    const index = new SubscriptionIndex();
    expect(index.size).toBe(0);
    index.add(1, parseQuery("литий"));
    index.add(2, parseQuery('"ключевая ставка"'));
    index.add(3, parseQuery("никель -Китай"));
    index.add(4, parseQuery("кобальт"));
    expect(index.size).toBe(4);
    expect(byId(index.match(item))).toEqual([
      { id: 1, matched: ["литий"] },
      { id: 2, matched: ['"ключевая ставка"'] },
    ]);
    index.remove(1);
    expect(index.size).toBe(3);
    expect(ids(index.match(item))).toEqual([2]);
    index.remove(1);
    index.remove(99);
    expect(index.size).toBe(3);
  });

  it("finds a word it has seen match nothing once a query uses it, by form or by prefix", () => {
    const index = new SubscriptionIndex();
    index.add(1, parseQuery("литий"));
    const cocoa = { title: "Какао подорожало", summary: "Цены на какао выросли, какао-бобы в дефиците" };
    // Seen twice with nothing following «какао» or «цены»: both are remembered as matching nothing.
    expect(index.match(cocoa)).toEqual([]);
    expect(index.match(cocoa)).toEqual([]);
    index.add(2, parseQuery("какао"));
    expect(ids(index.match(cocoa))).toEqual([2]);
    index.add(3, parseQuery("цен*"));
    expect(ids(index.match(cocoa))).toEqual([2, 3]);
    index.remove(2);
    index.remove(3);
    expect(index.match(cocoa)).toEqual([]);
    index.add(4, parseQuery("подорожать"));
    expect(ids(index.match(cocoa))).toEqual([4]);
  });

  it("replaces a subscription added twice under one id", () => {
    const index = new SubscriptionIndex();
    index.add(7, parseQuery("литий"));
    index.add(7, parseQuery("кобальт"));
    expect(index.size).toBe(1);
    expect(index.match(item)).toEqual([]);
    expect(index.match({ title: "Кобальт", summary: "" })).toEqual([{ id: 7, matched: ["кобальт"] }]);
  });

  it("keeps shared words alive until the last subscription using them is removed", () => {
    const index = new SubscriptionIndex();
    index.add(1, parseQuery("литий"));
    index.add(2, parseQuery("литий никель"));
    index.add(3, parseQuery("лити*"));
    index.remove(1);
    expect(ids(index.match(item))).toEqual([2, 3]);
    index.remove(3);
    expect(ids(index.match(item))).toEqual([2]);
    index.remove(2);
    expect(index.match(item)).toEqual([]);
    index.add(5, parseQuery("лити*"));
    expect(ids(index.match(item))).toEqual([5]);
  });

  it("hands out every subscription of a shared query, and keeps it until the last one goes", () => {
    const index = new SubscriptionIndex();
    for (const id of [10, 11, 12]) index.add(id, parseQuery('"ключевая ставка"'));
    index.add(13, parseQuery("литий"));
    index.add(14, parseQuery("Литий"));
    expect(index.size).toBe(5);
    expect(index.queryCount).toBe(2);
    expect(byId(index.match(item))).toEqual([
      { id: 10, matched: ['"ключевая ставка"'] },
      { id: 11, matched: ['"ключевая ставка"'] },
      { id: 12, matched: ['"ключевая ставка"'] },
      { id: 13, matched: ["литий"] },
      { id: 14, matched: ["литий"] },
    ]);
    index.remove(10);
    index.remove(13);
    expect(ids(index.match(item))).toEqual([11, 12, 14]);
    index.remove(11);
    index.remove(12);
    index.remove(14);
    expect(index.queryCount).toBe(0);
    expect(index.match(item)).toEqual([]);
    // The same query again after its record went away, and a replaced subscription leaving the group.
    index.add(20, parseQuery('"ключевая ставка"'));
    index.add(21, parseQuery('"ключевая ставка"'));
    index.add(21, parseQuery("кобальт"));
    expect(ids(index.match(item))).toEqual([20]);
  });

  it("keeps a shared query's members right through churn, ids beyond 32 bits included", () => {
    const index = new SubscriptionIndex();
    const model = new Map<number, string>();
    const queries = ["литий", '"ключевая ставка"', "никель -Китай", "литий"];
    let seed = 7;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const idOf = (k: number) => (k % 3 === 0 ? 2 ** 40 + k : k);
    for (let round = 0; round < 2000; round++) {
      const id = idOf(Math.floor(next() * 400));
      if (model.has(id) && next() < 0.5) {
        index.remove(id);
        model.delete(id);
      } else {
        const q = queries[Math.floor(next() * queries.length)] as string;
        index.add(id, parseQuery(q));
        model.set(id, q);
      }
      if (round % 97 !== 0) continue;
      const want = [...model].filter(([, q]) => q !== "никель -Китай").map(([k]) => k);
      expect(ids(index.match(item))).toEqual(want.sort((a, b) => a - b));
    }
    expect(index.size).toBe(model.size);
    // Many queries shared by two, then by one again: their member lists are given up and compacted.
    const base = 10_000;
    for (let k = 0; k < 300; k++) {
      index.add(base + 2 * k, parseQuery(`литий -source:z${k}`));
      index.add(base + 2 * k + 1, parseQuery(`литий -source:z${k}`));
    }
    for (let k = 0; k < 300; k++) index.remove(base + 2 * k + (k % 2));
    const kept = Array.from({ length: 300 }, (_, k) => base + 2 * k + 1 - (k % 2));
    const before = [...model].filter(([, q]) => q !== "никель -Китай").map(([k]) => k);
    expect(ids(index.match(item))).toEqual([...before, ...kept].sort((a, b) => a - b));
    for (let k = 0; k < 300; k += 2) index.add(base + 2 * k, parseQuery(`литий -source:z${k}`));
    expect(index.match(item).length).toBe(before.length + 300 + 150);
  });

  it("keeps queries that differ only in their source: filters apart, and asks each source once per item", () => {
    const index = new SubscriptionIndex();
    index.add(1, parseQuery("литий source:interfax"));
    index.add(2, parseQuery("литий -source:interfax"));
    index.add(3, parseQuery("литий source:tass source:interfax"));
    index.add(4, parseQuery("литий"));
    index.add(5, parseQuery("никель source:ria -source:interfax"));
    expect(index.queryCount).toBe(5);
    const at = (source: string) => ids(index.match({ ...item, source }));
    expect(at("interfax.ru Интерфакс")).toEqual([1, 3, 4]);
    expect(at("tass.ru ТАСС")).toEqual([2, 3, 4]);
    expect(at("ria.ru РИА Новости")).toEqual([2, 4, 5]);
    expect(at("ria.ru interfax")).toEqual([1, 3, 4]);
    index.remove(1);
    index.remove(3);
    expect(at("interfax.ru")).toEqual([4]);
  });

  it("gives the same answers from matches() as from match(), in reused arrays", () => {
    const index = new SubscriptionIndex();
    index.add(1, parseQuery("литий"));
    index.add(2, parseQuery("литий"));
    index.add(3, parseQuery("никель"));
    const first = index.matches(item);
    const got = Array.from({ length: first.count }, (_, i) => [first.ids[i], first.matched(i)]);
    expect(got.sort()).toEqual([
      [1, ["литий"]],
      [2, ["литий"]],
      [3, ["никель"]],
    ]);
    expect(index.matches({ title: "кобальт", summary: "" }).count).toBe(0);
  });

  it("finds a subscription whatever clause it is anchored on", () => {
    const index = new SubscriptionIndex();
    const queries = [
      "литий OR кобальт никель",
      "ЦБ литий",
      "Китай* ставка",
      '"ключевую ставку" OR ФРС',
      "ставка -ФРС",
    ];
    queries.forEach((q, id) => {
      index.add(id, parseQuery(q));
    });
    const expected = queries.flatMap((q, id) => {
      const matched = matchQuery(parseQuery(q), item);
      return matched ? [{ id, matched }] : [];
    });
    expect(expected.length).toBe(queries.length);
    expect(byId(index.match(item))).toEqual(expected);
  });

  it("never reports a subscription twice, also after its number is recycled", () => {
    const index = new SubscriptionIndex();
    index.add(1, parseQuery('ставка OR "ставка ЦБ" OR "ключевую ставку"'));
    index.add(2, parseQuery("ЦБ ставка"));
    expect(byId(index.match(item))).toEqual([
      { id: 1, matched: ["ставка", '"ключевую ставку"'] },
      { id: 2, matched: ["ЦБ", "ставка"] },
    ]);
    index.remove(1);
    index.add(3, parseQuery("кобальт OR ставка"));
    const found = index.match(item);
    expect(ids(found)).toEqual([2, 3]);
    expect(new Set(found.map((m) => m.id)).size).toBe(found.length);
  });

  it("matches 1,000 subscriptions sharing words in one pass with the right ids", () => {
    const index = new SubscriptionIndex();
    for (let id = 0; id < 1000; id++) index.add(id, parseQuery(id % 2 === 0 ? "литий" : "кобальт"));
    const found = ids(index.match(item));
    expect(found.length).toBe(500);
    expect(found.every((id) => id % 2 === 0)).toBe(true);
  });

  it("reports the terms that matched this item, not those of the last item a subscription matched", () => {
    const index = new SubscriptionIndex();
    index.add(1, parseQuery("литий OR никель OR кобальт"));
    index.add(2, parseQuery("(литий OR никель) Китай source:reuters"));
    const on = (summary: string, source = "reuters.com Reuters") =>
      index.match({ title: "", summary, source });
    expect(byId(on("литий в Китае"))).toEqual([
      { id: 1, matched: ["литий"] },
      { id: 2, matched: ["литий", "китай"] },
    ]);
    expect(byId(on("никель в Китае"))).toEqual([
      { id: 1, matched: ["никель"] },
      { id: 2, matched: ["никель", "китай"] },
    ]);
    expect(byId(on("никель и литий в Китае", "tass.ru ТАСС"))).toEqual([
      { id: 1, matched: ["литий", "никель"] },
    ]);
    expect(byId(on("никель и литий в Китае"))).toEqual([
      { id: 1, matched: ["литий", "никель"] },
      { id: 2, matched: ["литий", "никель", "китай"] },
    ]);
    // A recycled subscription number must not hand out the previous subscription's terms.
    index.remove(1);
    index.add(3, parseQuery("никель OR литий"));
    expect(byId(on("литий и никель в Китае"))).toEqual([
      { id: 2, matched: ["литий", "никель", "китай"] },
      { id: 3, matched: ["никель", "литий"] },
    ]);
  });

  it("makes one list per set of matched terms of a query and hands it out again when they match again", () => {
    const index = new SubscriptionIndex();
    index.add(1, parseQuery("литий OR никель"));
    const terms = (summary: string) => index.match({ title: "", summary })[0]?.matched;
    const lithium = terms("литий");
    const nickel = terms("никель");
    expect(lithium).toEqual(["литий"]);
    expect(nickel).toEqual(["никель"]);
    // Alternating terms reuse the lists made the first time: nothing is allocated per match.
    expect(terms("литий")).toBe(lithium);
    expect(terms("никель")).toBe(nickel);
    expect(Object.isFrozen(lithium)).toBe(true);
  });

  it("keeps every query's terms when a bulk load's lists are made anew, and still reuses them after", () => {
    const index = new SubscriptionIndex();
    index.add(1, parseQuery("литий OR никель"));
    const terms = (id: number, summary: string) =>
      index.match({ title: "", summary }).find((m) => m.id === id)?.matched;
    const before = terms(1, "литий");
    // Thousands of lists made one by one: the next item gathers them all.
    for (let id = 2; id < 6000; id++) index.add(id, parseQuery(`слово${id} OR "фраза ${id}"`));
    const after = terms(1, "литий");
    expect(after).toEqual(["литий"]);
    expect(after).not.toBe(before);
    expect(terms(1, "никель")).toEqual(["никель"]);
    expect(terms(1, "литий")).toBe(after);
    expect(terms(4321, "фраза 4321")).toEqual(['"фраза 4321"']);
    expect(terms(4321, "слово4321")).toEqual(["слово4321"]);
  });
});

describe("nothing a user types makes matching slow", () => {
  it.each([
    ['"в в в в в в в в в в в в в в в в в в в в"', "в ".repeat(5000)],
    ['"в на в на в на в на в на в на в на в на в на в на"', "в на ".repeat(3000)],
    ["ааа* ббб* ввв* ггг* ддд* еее* жжж* ззз* иии* ккк*", "ааааа ".repeat(5000)],
  ])("%s on a long item", (query, text) => {
    const index = new SubscriptionIndex();
    for (let id = 0; id < 100; id++) index.add(id, parseQuery(query));
    const item = { title: "", summary: text };
    const started = performance.now();
    const matches = index.match(item);
    const single = matchQuery(parseQuery(query), item);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(matches.length === 100).toBe(single !== null);
  });

  it("keeps ids that do not fit 32 bits, for lone words and full queries alike", () => {
    const index = new SubscriptionIndex();
    const big = 2 ** 40 + 7;
    index.add(big, parseQuery("литий"));
    index.add(big + 1, parseQuery("литий никель"));
    index.add(-3, parseQuery("литий"));
    index.add(2 ** 31, parseQuery("никель OR кобальт"));
    expect(byId(index.match(item))).toEqual([
      { id: -3, matched: ["литий"] },
      { id: 2 ** 31, matched: ["никель"] },
      { id: big, matched: ["литий"] },
      { id: big + 1, matched: ["литий", "никель"] },
    ]);
    index.remove(big);
    expect(ids(index.match(item))).toEqual([-3, 2 ** 31, big + 1]);
  });

  it("survives heavy churn: records moved and compacted still match as matchQuery does", () => {
    const index = new SubscriptionIndex();
    const texts = ["литий", "литий никель", '"ключевая ставка"', "никель -Китай", "ставк*", "ЦБ OR литий"];
    const live = new Map<number, string>();
    for (let round = 0; round < 4000; round++) {
      const id = (round * 7919) % 1500;
      if (live.has(id) && round % 3 !== 0) {
        index.remove(id);
        live.delete(id);
      } else {
        const text = texts[round % texts.length] as string;
        index.add(id, parseQuery(text));
        live.set(id, text);
      }
    }
    const expected = [...live]
      .map(([id, text]) => ({ id, matched: matchQuery(parseQuery(text), item) }))
      .filter((m) => m.matched !== null)
      .sort((a, b) => a.id - b.id);
    expect(byId(index.match(item))).toEqual(expected);
    expect(index.size).toBe(live.size);
  });
});
