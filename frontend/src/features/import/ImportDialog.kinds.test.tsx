import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { describe, expect, it } from "vitest";
import { WithApi } from "../../test/apollo";
import { CreateUploadMutation, ImportDialog } from "./ImportDialog";

/** A createUpload answer for `filename` sent as `contentType`; its refusal ends the import at a known point. */
function uploadAskedFor(filename: string, contentType: string) {
  return {
    request: {
      query: CreateUploadMutation,
      variables: (variables: { filename: string; contentType: string }) =>
        variables.filename === filename && variables.contentType === contentType,
    },
    result: {
      data: {
        createUpload: { __typename: "LimitExceededError", message: `Asked for ${contentType}.`, limit: "uploads" },
      },
    },
  };
}

function openDialog(mocks: Parameters<typeof WithApi>[0]["mocks"]) {
  render(
    <WithApi mocks={mocks}>
      <ImportDialog onClose={() => undefined} onImported={() => undefined} />
    </WithApi>,
  );
  return document.querySelector<HTMLInputElement>("#import-file")!;
}

/** The list page in small: a button that opens the dialog. */
function Page() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        Import a CV file
      </button>
      {open && <ImportDialog onClose={() => setOpen(false)} onImported={() => undefined} />}
    </>
  );
}

describe("ImportDialog and the kinds of file", () => {
  it("lets the file picker offer PDF, Word, JSON and zip files", () => {
    const accept = openDialog([]).accept.split(",");
    for (const wanted of [".pdf", ".docx", ".json", ".zip", "application/x-zip-compressed"])
      expect(accept).toContain(wanted);
  });

  it("sends a LinkedIn export that Windows calls application/x-zip-compressed as a zip", async () => {
    const input = openDialog([uploadAskedFor("Basic_LinkedInDataExport.zip", "application/zip")]);
    const zip = new File(["PK\u0003\u0004"], "Basic_LinkedInDataExport.zip", { type: "application/x-zip-compressed" });
    await userEvent.upload(input, zip);
    expect(await screen.findByRole("alert")).toHaveTextContent("Asked for application/zip.");
  });

  it("sends a .json file the browser gives no type as JSON", async () => {
    const input = openDialog([uploadAskedFor("reactive-resume.json", "application/json")]);
    await userEvent.upload(input, new File(["{}"], "reactive-resume.json", { type: "" }), { applyAccept: false });
    expect(await screen.findByRole("alert")).toHaveTextContent("Asked for application/json.");
  });

  it("refuses an old Word file before uploading, saying how to make a .docx", async () => {
    const input = openDialog([]);
    await userEvent.upload(input, new File(["\u00d0\u00cf"], "cv.doc", { type: "application/msword" }), {
      applyAccept: false,
    });
    expect(screen.getByRole("alert")).toHaveTextContent("save it as .docx");
  });

  it("gives the focus back to the button that opened it when closed", async () => {
    render(
      <WithApi mocks={[]}>
        <Page />
      </WithApi>,
    );
    const trigger = screen.getByRole("button", { name: "Import a CV file" });
    await userEvent.click(trigger);
    expect(screen.getByRole("button", { name: "Choose a file" })).toHaveFocus();
    await userEvent.click(screen.getByRole("button", { name: "Close" }));
    expect(screen.queryByRole("button", { name: "Choose a file" })).not.toBeInTheDocument();
    expect(trigger).toHaveFocus();
  });
});
