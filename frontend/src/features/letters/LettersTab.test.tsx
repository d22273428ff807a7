import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { WithApi } from "../../test/apollo";
import { LettersTab } from "./LettersTab";
import { CvLettersQuery } from "./operations";

const answer = (titles: string[]) => ({
  request: { query: CvLettersQuery, variables: { cvId: "cv1" } },
  result: {
    data: {
      coverLetters: titles.map((title, index) => ({
        __typename: "CoverLetter",
        id: `l${index}`,
        title,
        version: 1,
        updatedAt: "2026-11-24T10:00:00",
      })),
    },
  },
});

describe("LettersTab", () => {
  it("lists the CV's letters, each opening in the letter editor", async () => {
    render(
      <WithApi mocks={[answer(["Backend Engineer at Ledgerly", "Analyst at Northwind"])]}>
        <LettersTab cvId="cv1" />
      </WithApi>,
    );
    const link = await screen.findByRole("link", { name: "Backend Engineer at Ledgerly" });
    expect(link).toHaveAttribute("href", "/cv/cv1/letters/l0");
    expect(screen.getByRole("link", { name: "Analyst at Northwind" })).toHaveAttribute("href", "/cv/cv1/letters/l1");
  });

  it("points to the job match when there is no letter yet", async () => {
    render(
      <WithApi mocks={[answer([])]}>
        <LettersTab cvId="cv1" />
      </WithApi>,
    );
    expect(await screen.findByRole("link", { name: "Write one from a job match" })).toHaveAttribute(
      "href",
      "/cv/cv1/match",
    );
  });
});
