import { describe, expect, it } from "vitest";
import { encodeProblem, FEED_PROBLEMS, FeedError, feedErrorText } from "../../src/feeds/errors.js";
import { translate } from "../../src/locale.js";

const ru = (key: string, vars?: Record<string, string | number>) => translate("ru", key, vars);
const en = (key: string, vars?: Record<string, string | number>) => translate("en", key, vars);

describe("feed errors are problems said in the chat's language", () => {
  it("a FeedError's message is its problem line, read back into either language", () => {
    const err = new FeedError("network", "dns", { host: "example.org" });
    expect(err.message).toBe('dns {"host":"example.org"}');
    expect(feedErrorText(err.message, ru)).toBe("сервер example.org не найден (DNS)");
    expect(feedErrorText(err.message, en)).toBe("server example.org not found (DNS)");
    expect(feedErrorText(encodeProblem("private"), en)).toBe("the address leads into a private network");
  });

  it("text stored before errors were problems, or a line that is not one, is shown as it is", () => {
    for (const line of [
      "сервер не ответил за 20 с",
      "dns {broken json",
      "no-such-problem",
      "dns {} trailing",
    ])
      expect(feedErrorText(line, en)).toBe(line);
  });

  it("every problem has its sentence in both languages", () => {
    for (const problem of FEED_PROBLEMS) {
      for (const say of [ru, en]) {
        const text = say(`feed-why-${problem}`, {
          host: "h",
          port: "1",
          ports: "80",
          coding: "x",
          max: 5,
          type: "t",
          seconds: 1,
          size: 1,
          unit: "mib",
          code: "E",
          status: "500",
          hint: "server",
          retry: 1,
          line: "2",
          url: "u",
          path: "p",
          error: "e",
        });
        expect(text, problem).not.toContain("feed-why-");
        expect(text.length, problem).toBeGreaterThan(5);
      }
    }
  });
});
