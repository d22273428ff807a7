import { act, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { useState } from "react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ToastProvider } from "../../ui/Toasts";
import type { Draft } from "../../cv/draft";
import type { Edit } from "../../cv/edits";
import { item, sampleDraft } from "../../cv/testDrafts";
import { ContentTab } from "./ContentTab";

let latest: Draft;
let edits: number;

function draft(): Draft {
  return {
    ...sampleDraft(),
    sections: [
      {
        id: "exp",
        kind: "EXPERIENCE",
        title: "Experience",
        visible: true,
        items: [item("e1", "Engineer", { organization: "Acme", bullets: ["Built it"] }), item("e2", "Analyst")],
      },
      {
        id: "pro",
        kind: "PROJECTS",
        title: "Projects",
        visible: true,
        items: [item("p1", "Compiler"), item("p2", "Blog")],
      },
      { id: "awa", kind: "AWARDS", title: "Awards", visible: true, items: [] },
    ],
  };
}

function Harness() {
  const [current, setDraft] = useState(draft);
  latest = current;
  const edit = (change: Edit) => {
    edits += 1;
    setDraft((d) => change(d));
  };
  return (
    <ToastProvider>
      <ContentTab draft={current} edit={edit} />
    </ToastProvider>
  );
}

/**
 * jsdom lays nothing out: each list row and drop zone gets a 40 px band in document order, as a browser would
 * stack them, so dnd-kit's keyboard sensor finds the next row above or below.
 */
function stackRows(): void {
  vi.spyOn(Element.prototype, "getBoundingClientRect").mockImplementation(function (this: Element) {
    const rows = [...document.querySelectorAll(".section__head, .items > li, .drop-zone")];
    const row = this.closest(".section__head, .items > li, .drop-zone");
    const at = row ? rows.indexOf(row) : -1;
    const top = at < 0 ? 0 : at * 40;
    const height = at < 0 ? 0 : 40;
    return { x: 0, y: top, top, left: 0, width: 300, height, bottom: top + height, right: 300, toJSON: () => ({}) };
  });
}

async function press(code: string): Promise<void> {
  await act(async () => {
    fireEvent.keyDown(document.activeElement ?? document.body, { code, key: code === "Space" ? " " : code });
    await new Promise((resolve) => setTimeout(resolve, 20));
  });
}

const ids = () => latest.sections.map((s) => s.items.map((i) => i.id));
const live = () => document.querySelector("[id^=DndLiveRegion]")?.textContent ?? "";

describe("dragging an entry into another section with the keyboard", () => {
  beforeEach(() => {
    edits = 0;
    stackRows();
  });
  afterEach(() => vi.restoreAllMocks());

  it("moves the last entry of Experience into Projects, one place a key, in one edit, saying where it is", async () => {
    render(<Harness />);
    screen.getByRole("button", { name: "Move Analyst" }).focus();
    await press("Space");
    await waitFor(() => expect(live()).toContain("Picked up Analyst, in Experience, position 2 of 2."));
    await press("ArrowDown");
    await waitFor(() => expect(live()).toContain("Analyst is in Projects, position 1 of 3."));
    expect(edits).toBe(0); // shown in Projects while dragged, not yet an edit
    await press("ArrowDown");
    await waitFor(() => expect(live()).toContain("Analyst is in Projects, position 2 of 3."));
    await press("Space");
    await waitFor(() => expect(ids()).toEqual([["e1"], ["p1", "e2", "p2"], []]));
    expect(edits).toBe(1);
    expect(live()).toContain("Dropped Analyst in Projects, position 2 of 3.");
  });

  it("drops an entry into an empty section and keeps its fields", async () => {
    render(<Harness />);
    const engineer = latest.sections[0]!.items[0]!;
    screen.getByRole("button", { name: "Move Blog" }).focus();
    await press("Space");
    await press("ArrowDown");
    await waitFor(() => expect(live()).toContain("Blog is in Awards, position 1 of 1."));
    await press("Space");
    await waitFor(() => expect(ids()).toEqual([["e1", "e2"], ["p1"], ["p2"]]));

    screen.getByRole("button", { name: "Move Engineer at Acme" }).focus();
    await press("Space");
    // One key, one place: below Analyst, into Projects above and below Compiler, into Awards above Blog.
    const heard: string[] = [];
    for (const _ of [1, 2, 3, 4]) {
      await press("ArrowDown");
      heard.push(live());
    }
    expect(heard).toEqual([
      "Engineer at Acme is in Experience, position 2 of 2.",
      "Engineer at Acme is in Projects, position 1 of 2.",
      "Engineer at Acme is in Projects, position 2 of 2.",
      "Engineer at Acme is in Awards, position 1 of 2.",
    ]);
    await press("Space");
    await waitFor(() => expect(ids()).toEqual([["e2"], ["p1"], ["e1", "p2"]]));
    expect(latest.sections[2]!.items[0]).toEqual(engineer);
    expect(edits).toBe(2);
  });

  it("puts nothing anywhere when the drag is cancelled with Escape", async () => {
    render(<Harness />);
    screen.getByRole("button", { name: "Move Compiler" }).focus();
    await press("Space");
    await press("ArrowUp");
    await waitFor(() => expect(live()).toContain("Compiler is in Experience, position 3 of 3."));
    await press("Escape");
    await waitFor(() => expect(live()).toContain("Moving Compiler was cancelled."));
    expect(ids()).toEqual([["e1", "e2"], ["p1", "p2"], []]);
    expect(screen.getAllByRole("button", { name: /^Move (Compiler|Blog)$/ })).toHaveLength(2);
    expect(edits).toBe(0);
  });

  it("reaches an entry's handle with Left arrow from its title, without adding a Tab stop", async () => {
    render(<Harness />);
    const title = screen.getByRole("button", { name: /^Analyst/ });
    title.focus();
    fireEvent.keyDown(title, { key: "ArrowLeft", code: "ArrowLeft" });
    expect(screen.getByRole("button", { name: "Move Analyst" })).toHaveFocus();
    expect(screen.getByRole("button", { name: "Move Analyst" })).toHaveAttribute("tabindex", "-1");
  });
});
