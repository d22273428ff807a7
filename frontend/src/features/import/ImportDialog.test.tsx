import { act, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { WithApi } from "../../test/apollo";
import { CreateUploadMutation, ImportCvMutation, ImportDialog } from "./ImportDialog";

/** Stands in for the browser's XMLHttpRequest: the test decides when progress and completion happen. */
class FakeUpload {
  static last: FakeUpload | null = null;
  upload: { onprogress: ((e: { lengthComputable: boolean; loaded: number; total: number }) => void) | null } = {
    onprogress: null,
  };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  onabort: (() => void) | null = null;
  status = 0;
  responseText = "";
  method = "";
  url = "";
  body: unknown = null;
  open(method: string, url: string) {
    this.method = method;
    this.url = url;
  }
  setRequestHeader() {}
  send(body: unknown) {
    this.body = body;
    FakeUpload.last = this;
  }
  abort() {}
}

const pdf = new File(["%PDF-1.7 fake"], "my-cv.pdf", { type: "application/pdf" });
const createUpload = {
  request: {
    query: CreateUploadMutation,
    variables: { filename: "my-cv.pdf", contentType: "application/pdf", size: pdf.size },
  },
  result: {
    data: {
      createUpload: {
        __typename: "UploadTicket",
        uploadId: "up1",
        url: "/uploads",
        method: "POST",
        fields: { key: "k", signature: "s" },
        maxBytes: 5242880,
      },
    },
  },
};

afterEach(() => vi.unstubAllGlobals());

describe("ImportDialog", () => {
  it("shows upload progress, then reads the file and hands over the new CV with its warnings", async () => {
    vi.stubGlobal("XMLHttpRequest", FakeUpload);
    const importCv = {
      request: { query: ImportCvMutation, variables: { uploadId: "up1" } },
      result: {
        data: {
          importCv: {
            __typename: "Imported",
            cv: { __typename: "Cv", id: "cv9", title: "My CV" },
            warnings: [
              { __typename: "ImportWarning", message: "Repeated on every page; left out", text: "Page 1 of 2" },
            ],
            sources: [{ __typename: "FieldSource", path: "basics.name", source: "page 1" }],
          },
        },
      },
    };
    const onImported = vi.fn();
    render(
      <WithApi mocks={[createUpload, importCv]}>
        <ImportDialog onClose={() => undefined} onImported={onImported} />
      </WithApi>,
    );
    await userEvent.upload(document.querySelector<HTMLInputElement>("#import-file")!, pdf);
    await vi.waitFor(() => expect(FakeUpload.last).not.toBeNull());
    const request = FakeUpload.last!;
    expect(request.url).toBe("/uploads");
    expect([...(request.body as FormData).keys()]).toEqual(["key", "signature", "file"]); // the file goes last
    act(() => request.upload.onprogress!({ lengthComputable: true, loaded: 40, total: 100 }));
    expect(screen.getByLabelText("Uploading…")).toHaveAttribute("value", "40");
    request.status = 204;
    act(() => request.onload!());
    await vi.waitFor(() => expect(onImported).toHaveBeenCalled());
    expect(onImported).toHaveBeenCalledWith("cv9", {
      warnings: [{ message: "Repeated on every page; left out", text: "Page 1 of 2" }],
      sources: [{ path: "basics.name", source: "page 1" }],
    });
    FakeUpload.last = null;
  });

  it("refuses a file that is neither PDF nor Word before uploading anything", async () => {
    render(
      <WithApi mocks={[]}>
        <ImportDialog onClose={() => undefined} onImported={() => undefined} />
      </WithApi>,
    );
    const picture = new File(["GIF89a"], "holiday.gif", { type: "image/gif" });
    await userEvent.upload(document.querySelector<HTMLInputElement>("#import-file")!, picture, { applyAccept: false });
    expect(screen.getByRole("alert")).toHaveTextContent(
      "“holiday.gif” is not a PDF, Word (.docx) or JSON Resume (.json) file.",
    );
  });

  it("reports the server's refusal of a file in its own words", async () => {
    vi.stubGlobal("XMLHttpRequest", FakeUpload);
    const refused = {
      request: { query: ImportCvMutation, variables: { uploadId: "up1" } },
      result: {
        data: { importCv: { __typename: "UnsupportedFileError", message: "This PDF has no text layer (a scan?)." } },
      },
    };
    render(
      <WithApi mocks={[createUpload, refused]}>
        <ImportDialog onClose={() => undefined} onImported={() => undefined} />
      </WithApi>,
    );
    await userEvent.upload(document.querySelector<HTMLInputElement>("#import-file")!, pdf);
    await vi.waitFor(() => expect(FakeUpload.last).not.toBeNull());
    FakeUpload.last!.status = 204;
    act(() => FakeUpload.last!.onload!());
    expect(await screen.findByRole("alert")).toHaveTextContent("This PDF has no text layer (a scan?).");
    FakeUpload.last = null;
  });
});
