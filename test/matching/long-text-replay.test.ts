import { describe, expect, it } from "vitest";
import { SubscriptionIndex } from "../../src/matching/inverted/subscription-index.js";
import { matchQuery } from "../../src/matching/query/matcher.js";
import { parseQuery } from "../../src/matching/query/query.js";

// Long enough (≥ 96 tokens) that the slot table remembers each form's answer and replays it for repeats.
const FILLER = "погода была тёплой и солнечной весь день. ".repeat(20);

function agree(query: string, body: string): boolean {
  const q = parseQuery(query);
  const index = new SubscriptionIndex();
  index.add(1, q);
  const item = { title: "Новости", summary: "", body };
  const hit = index.match(item).length === 1;
  expect(hit, `${query} ← index vs reference`).toBe(matchQuery(q, item) !== null);
  return hit;
}

describe("a repeated form in a long text is judged at each of its positions", () => {
  it("a prefix slot is noted at the later occurrence a phrase needs", () => {
    // «литиевый» first stands alone, then right before «рынок»: only the second makes the phrase.
    const body = `Литиевый проект отложен. ${FILLER} Затем литиевый рынок вырос.`;
    expect(agree('"лити* рынок"', body)).toBe(true);
    expect(agree('"лити* проект"', body)).toBe(true);
    expect(agree('"лити* завод"', body)).toBe(false);
  });

  it("a prefix slot is noted at the later occurrence NEAR needs", () => {
    const body = `Литиевый проект. ${FILLER} Литиевый рынок и Китай.`;
    expect(agree("лити* NEAR/3 Китай", body)).toBe(true);
    expect(agree("лити* NEAR/3 Чили", `${body} Чили далеко.`)).toBe(false);
  });

  it("a form-table slot is noted at each position of a repeated word", () => {
    const body = `Никель дешевеет. ${FILLER} Цены на никель и медь.`;
    expect(agree('"никель и медь"', body)).toBe(true);
    expect(agree('"никель дешевеет"', body)).toBe(true);
  });

  it("a guarded form repeated in two contexts counts only where its guard accepts it", () => {
    // «Германия» (the country) is rejected for германий, the lower-case metal accepted: in either order.
    const country = "Германия закрыла ТЭС.";
    const metal = "Цены на германий растут.";
    expect(agree("германий", `${country} ${FILLER} ${country}`)).toBe(false);
    expect(agree("германий", `${country} ${FILLER} ${metal}`)).toBe(true);
    expect(agree("германий", `${metal} ${FILLER} ${country}`)).toBe(true);
    // The phrase needs the accepted occurrence's position, not the first one's.
    expect(agree('"германий растут"', `${country} ${FILLER} ${metal}`)).toBe(true);
    expect(agree('"германий закрыла"', `${country} ${FILLER} ${metal}`)).toBe(false);
    expect(agree('"на германий"', `${country} ${FILLER} ${metal}`)).toBe(true);
  });
});
