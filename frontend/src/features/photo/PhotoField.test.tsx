import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { WithApi } from "../../test/apollo";
import { CvPhotoQuery, RemoveCvPhotoMutation } from "./operations";
import { PhotoField } from "./PhotoField";

const photo = (key: string | null) => ({
  request: { query: CvPhotoQuery, variables: { cvId: "cv1" } },
  result: {
    data: { cvPhoto: key ? { __typename: "CvPhoto", key, url: "http://localhost/files/p.jpg?signature=x" } : null },
  },
});

const removed = (version: number, result: object) => ({
  request: { query: RemoveCvPhotoMutation, variables: { cvId: "cv1", version } },
  result: { data: { removeCvPhoto: result } },
});

const cvWithoutPhoto = { __typename: "Cv", id: "cv1", version: 8, basics: { __typename: "Basics", photo: null } };

describe("PhotoField", () => {
  it("offers to add a photo when the CV has none", async () => {
    render(
      <WithApi mocks={[photo(null)]}>
        <PhotoField cvId="cv1" currentVersion={() => 3} beforeChange={async () => undefined} afterChange={() => {}} />
      </WithApi>,
    );
    expect(await screen.findByRole("button", { name: "Add a photo" })).toBeEnabled();
    expect(screen.queryByRole("button", { name: "Remove photo" })).toBeNull();
    const input = document.querySelector<HTMLInputElement>("#photo-file");
    expect(input?.accept).toContain("image/jpeg");
  });

  it("saves pending edits first, removes against the newest version after a conflict, then takes the new version", async () => {
    const order: string[] = [];
    const afterChange = vi.fn(() => order.push("after"));
    render(
      <WithApi
        mocks={[
          photo("users/u/photos/a.jpg"),
          removed(3, { __typename: "VersionConflictError", message: "changed", currentVersion: 7 }),
          removed(7, cvWithoutPhoto),
          photo(null),
        ]}
      >
        <PhotoField
          cvId="cv1"
          currentVersion={() => 3}
          beforeChange={async () => {
            order.push("flush");
          }}
          afterChange={afterChange}
        />
      </WithApi>,
    );
    expect(await screen.findByRole("img", { name: "On your CV now" })).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "Remove photo" }));
    expect(await screen.findByText("Photo removed.")).toBeInTheDocument();
    await waitFor(() => expect(afterChange).toHaveBeenCalledTimes(1));
    expect(order).toEqual(["flush", "after"]);
    expect(await screen.findByRole("button", { name: "Add a photo" })).toBeInTheDocument();
  });

  it("shows why a removal failed", async () => {
    render(
      <WithApi
        mocks={[photo("users/u/photos/a.jpg"), removed(3, { __typename: "NotFoundError", message: "CV not found." })]}
      >
        <PhotoField cvId="cv1" currentVersion={() => 3} beforeChange={async () => undefined} afterChange={() => {}} />
      </WithApi>,
    );
    await userEvent.click(await screen.findByRole("button", { name: "Remove photo" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("CV not found.");
  });
});
