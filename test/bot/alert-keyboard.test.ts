import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { alertKeyboard, alertKeyboardFor } from "../../src/bot/alert-keyboard.js";
import { Store } from "../../src/store/store.js";

const data = (kb: { inline_keyboard: Array<Array<{ text: string; callback_data?: string }>> }) =>
  kb.inline_keyboard.map((row) => row.map((b) => b.callback_data ?? ""));

describe("the keyboard under alerts", () => {
  let dir: string;
  let store: Store;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), "newsalert-kb-"));
    store = await Store.open(join(dir, "a.db"));
    await store.chats.upsert({ id: 1, type: "private", title: null });
    await store.chats.upsert({ id: 2, type: "private", title: null });
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("one compact button per query (at most six, two to a row), then the pause; data within 64 bytes", () => {
    const subs = Array.from({ length: 8 }, (_, i) => ({
      id: 1_000_000_000 + i,
      query: `${"очень длинный запрос ".repeat(5)}${i}`,
    }));
    const kb = alertKeyboard([...subs, subs[0] as (typeof subs)[0]], "ru");
    expect(data(kb)).toEqual([
      ["am:1000000000", "am:1000000001"],
      ["am:1000000002", "am:1000000003"],
      ["am:1000000004", "am:1000000005"],
      ["ap"],
    ]);
    for (const row of kb.inline_keyboard) for (const b of row) expect(b.text.length).toBeLessThanOrEqual(27);
    expect(data(alertKeyboard(subs.slice(0, 1), "en"))).toEqual([["am:1000000000"], ["ap"]]);
  });

  it("alertKeyboardFor: the chat's own queries among the ids, in the chat's language", async () => {
    const a = await store.subscriptions.add(1, "литий");
    const b = await store.subscriptions.add(1, "никель");
    const foreign = await store.subscriptions.add(2, "кобальт");
    const kb = await alertKeyboardFor(store, 1, [b.sub.id, foreign.sub.id, 999_999, a.sub.id]);
    expect(kb.inline_keyboard.flat().map((x) => x.text)).toEqual(["🔕 литий", "🔕 никель", "⏸ Пауза 8 ч"]);
    await store.chats.setSettings(1, { lang: "en" });
    expect((await alertKeyboardFor(store, 1, [a.sub.id])).inline_keyboard.at(-1)?.[0]?.text).toBe(
      "⏸ Pause 8 h",
    );
  });
});
