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
    // Each upload sends a fresh idempotency key, so a retried request cannot make a second upload.
    variables: (variables: { filename: string; contentType: string; size: number; idempotencyKey?: string | null }) =>
      variables.filename === "my-cv.pdf" &&
      variables.contentType === "application/pdf" &&
      variables.size === pdf.size &&
      Boolean(variables.idempotencyKey),
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

const importsUp1 = (variables: { uploadId: string; idempotencyKey?: string | null }) =>
  variables.uploadId === "up1" && Boolean(variables.idempotencyKey);

const importedCv = {
  __typename: "Cv",
  id: "cv9",
  title: "My CV",
  basics: {
    __typename: "Basics",
    name: "Ada Lovelace",
    headline: "Analyst",
    email: "ada@example.org",
    phone: null,
    location: null,
    links: [],
  },
  summary: null,
  sections: [
    {
      __typename: "Section",
      id: "s1",
      title: "Experience",
      items: [
        { __typename: "Item", id: "i1", title: "Analyst", organization: "Analytical Engines" },
        { __typename: "Item", id: "i2", title: null, organization: "Babbage & Co" },
      ],
    },
  ],
};

afterEach(() => vi.unstubAllGlobals());

describe("ImportDialog", () => {
  it("shows upload progress, then reads the file and hands over the new CV with its warnings", async () => {
    vi.stubGlobal("XMLHttpRequest", FakeUpload);
    const importCv = {
      request: { query: ImportCvMutation, variables: importsUp1 },
      result: {
        data: {
          importCv: {
            __typename: "Imported",
            cv: importedCv,
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
      read: {
        fileName: "my-cv.pdf",
        fileKind: "PDF",
        name: "Ada Lovelace",
        headline: "Analyst",
        contact: [{ label: "Email", value: "ada@example.org" }],
        summary: false,
        sections: [{ title: "Experience", entries: 2, firstEntries: ["Analyst", "Babbage & Co"] }],
      },
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
      "“holiday.gif” is not a file we can read: choose a PDF, a Word file (.docx), a JSON Resume or Reactive Resume file (.json) or a LinkedIn data export (.zip).",
    );
  });

  it("reports the server's refusal of a file in its own words", async () => {
    vi.stubGlobal("XMLHttpRequest", FakeUpload);
    const refused = {
      request: { query: ImportCvMutation, variables: importsUp1 },
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
