import { describe, expect, it } from "vitest";
import { actionsConflict, followUpConflict, polarityConflict } from "../../src/stories/actions.js";
import { storyFeatures as f } from "../../src/stories/features.js";
import { prolongs } from "../../src/stories/markers.js";
import { mentionsNumber } from "../../src/stories/similarity.js";

describe("round 6: one event told by the other party", () => {
  it("takes the buyer's and the seller's verb, the winner's and the loser's, kept and prolonged for one action", () => {
    const sold = f("«Лукойл» продал нефтеперерабатывающий завод в Болгарии", "");
    expect(
      actionsConflict(sold, f("Венгерская MOL купила болгарский НПЗ «Лукойла»", ""), mentionsNumber),
    ).toBe(false);
    const beat = f("Медведев обыграл Риндеркнеша на Уимблдоне", "");
    expect(
      actionsConflict(beat, f("Медведев одолел Риндеркнеша на старте Уимблдона", ""), mentionsNumber),
    ).toBe(false);
    const prolonged = f("ЦБ продлил ограничения на переводы за рубеж", "");
    expect(actionsConflict(prolonged, f("Банк России сохранит лимит на переводы", ""), mentionsNumber)).toBe(
      false,
    );
    // Still two actions: a sale is not a halt.
    expect(actionsConflict(sold, f("«Лукойл» остановил завод в Болгарии", ""), mentionsNumber)).toBe(true);
  });

  it("reads «подвергся атаке» as the target's side of the attack, not an action of its own", () => {
    const attacked = f("Хакеры атаковали сайт РЖД", "");
    const target = f("Сайт РЖД подвергся DDoS-атаке", "");
    expect(target.titlePredicate).not.toBe("подвергнуться");
    expect(actionsConflict(attacked, target, mentionsNumber)).toBe(false);
  });

  it("takes a claim refused for a verdict the other party tells as won or lost, not for a non-event", () => {
    const refused = f("Суд отказал «Мечелу» в иске к ФАС", "");
    const lost = f("«Мечел» проиграл ФАС спор о ценах", "");
    expect(polarityConflict(refused, lost)).toBe(false);
    expect(actionsConflict(refused, lost, mentionsNumber)).toBe(false);
    expect(
      polarityConflict(
        f("Арбитраж отклонил иск «Роснефти»", ""),
        f("«Транснефть» выиграла у «Роснефти» спор", ""),
      ),
    ).toBe(false);
    // A claim granted is still the other outcome, and a refusal that is no verdict is still a non-event.
    expect(polarityConflict(refused, f("Суд удовлетворил иск «Мечела» к ФАС", ""))).toBe(true);
    expect(
      polarityConflict(f("«Мечел» отказался от покупки шахты", ""), f("«Мечел» выиграл тендер на шахту", "")),
    ).toBe(true);
  });

  it("counts «еще на <срок>» as a prolongation: a follow-up on either side, or told by both", () => {
    expect(prolongs("Банк России сохранит лимит на переводы еще на полгода")).toBe(true);
    expect(prolongs("ограничения останутся в силе ещё на три месяца")).toBe(true);
    expect(prolongs("Нефть еще подешевела на фоне данных о запасах")).toBe(false);
    const kept = f("Банк России сохранит лимит на переводы за границу еще на полгода", "");
    expect(followUpConflict(f("ЦБ продлил ограничения на переводы за рубеж", ""), kept)).toBe(false);
    expect(followUpConflict(f("ЦБ ввел лимит на переводы за границу", ""), kept)).toBe(true);
  });

  it("reads ordinals off the text where the dictionary misreads them, «первый» only before a step", () => {
    expect(f("СКА обыграл ЦСКА в шестом матче серии", "").titleNumbers.has("6")).toBe(true);
    expect(f("Госдума приняла закон в третьем чтении", "").titleNumbers.has("3")).toBe(true);
    expect(f("Госдума приняла закон в первом чтении", "").titleNumbers.has("1")).toBe(true);
    expect(f("В Якутии открылся первый в России завод", "").titleNumbers.has("1")).toBe(false);
  });
});
