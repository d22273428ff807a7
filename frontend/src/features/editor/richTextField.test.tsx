import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { describe, expect, it } from "vitest";
import { TextField } from "./fields";
import { BulletsField } from "./ListField";

function Description() {
  const [value, setValue] = useState("Ran audits daily");
  return <TextField label="Description" multiline rich value={value} onChange={setValue} />;
}

function Bullets() {
  const [values, setValues] = useState(["Led audits", "Trained staff"]);
  return <BulletsField label="Highlights" path="b" values={values} onChange={setValues} />;
}

const box = () => screen.getByLabelText("Description") as HTMLTextAreaElement;

describe("rich text fields", () => {
  it("shows a toolbar with named buttons and the markup hint", () => {
    render(<Description />);
    const toolbar = screen.getByRole("toolbar", { name: "Text formatting" });
    expect(toolbar.getAttribute("aria-controls")).toBe(box().id);
    for (const name of ["Bold", "Italic", "Link", "Bulleted list"]) {
      expect(screen.getByRole("button", { name })).toBeTruthy();
    }
    expect(box().getAttribute("aria-describedby")).toBeTruthy();
    expect(screen.getByText("**bold**, *italic*, [link](https://…), - list")).toBeTruthy();
  });

  it("bolds the selection with Ctrl+B, keeps it selected, and typing goes on where the caret is", async () => {
    const user = userEvent.setup();
    render(<Description />);
    box().focus();
    box().setSelectionRange(4, 10);
    await user.keyboard("{Control>}b{/Control}");
    expect(box().value).toBe("Ran **audits** daily");
    expect([box().selectionStart, box().selectionEnd]).toEqual([6, 12]);
    box().setSelectionRange(12, 12);
    await user.keyboard("!");
    expect(box().value).toBe("Ran **audits!** daily");
  });

  it("formats from the toolbar without taking the focus from the text box", async () => {
    const user = userEvent.setup();
    render(<Description />);
    box().focus();
    box().setSelectionRange(0, 3);
    await user.click(screen.getByRole("button", { name: "Italic" }));
    expect(box().value).toBe("*Ran* audits daily");
    expect(document.activeElement).toBe(box());
    await user.click(screen.getByRole("button", { name: "Bulleted list" }));
    expect(box().value).toBe("- *Ran* audits daily");
  });

  it("is one Tab stop, with the arrow keys moving between the buttons", async () => {
    const user = userEvent.setup();
    render(<Description />);
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole("button", { name: "Bold" }));
    await user.keyboard("{ArrowRight}");
    expect(document.activeElement).toBe(screen.getByRole("button", { name: "Italic" }));
    await user.tab();
    expect(document.activeElement).toBe(box());
  });

  it("bolds and italicises in a bullet with the keyboard", async () => {
    const user = userEvent.setup();
    render(<Bullets />);
    const second = screen.getByLabelText("Highlights 2") as HTMLInputElement;
    second.focus();
    second.setSelectionRange(8, 13);
    await user.keyboard("{Meta>}i{/Meta}");
    expect(second.value).toBe("Trained *staff*");
    await user.keyboard("{Control>}b{/Control}");
    expect(second.value).toBe("Trained ***staff***");
    expect((screen.getByLabelText("Highlights 1") as HTMLInputElement).value).toBe("Led audits");
  });
});
