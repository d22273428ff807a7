import { describe, expect, it } from "vitest";
import { wordDiff } from "./wordDiff";

describe("wordDiff", () => {
  it("marks added and removed words and keeps the rest", () => {
    expect(wordDiff("I build data pipelines", "I build fast data pipelines")).toEqual([
      { kind: "same", text: "I build " },
      { kind: "added", text: "fast " },
      { kind: "same", text: "data pipelines" },
    ]);
    expect(wordDiff("a b", "")).toEqual([{ kind: "removed", text: "a b" }]);
  });
});
