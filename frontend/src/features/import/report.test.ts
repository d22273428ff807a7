import { describe, expect, it } from "vitest";
import { type ImportedCv, readFromState, reviewWarnings, summarize } from "./report";

const cv: ImportedCv = {
  basics: {
    name: " María González ",
    headline: "Senior Data Engineer",
    email: "maria@example.org",
    phone: "+44 20 7946 0958",
    location: null,
    links: [
      { label: "GitHub", url: "https://github.com/mgonzalez" },
      { label: null, url: "https://example.org" },
    ],
  },
  summary: "Data engineer.",
  sections: [
    {
      title: "Experience",
      items: [
        { title: "Senior Data Engineer", organization: "Northwind" },
        { title: "", organization: "Contoso Retail" },
        { title: "Intern", organization: "Fabrikam" },
        { title: "Paper boy", organization: null },
      ],
    },
    { title: "Skills", items: [] },
  ],
};
const read = summarize(cv, { fileName: "cv.pdf", fileKind: "PDF" });

describe("summarize", () => {
  it("keeps the name, headline and every contact detail, and counts each section's entries", () => {
    expect(read.name).toBe("María González");
    expect(read.headline).toBe("Senior Data Engineer");
    expect(read.contact).toEqual([
      { label: "Email", value: "maria@example.org" },
      { label: "Phone", value: "+44 20 7946 0958" },
      { label: "GitHub", value: "https://github.com/mgonzalez" },
      { label: "Link", value: "https://example.org" },
    ]);
    expect(read.summary).toBe(true);
    expect(read.sections).toEqual([
      { title: "Experience", entries: 4, firstEntries: ["Senior Data Engineer", "Contoso Retail", "Intern"] },
      { title: "Skills", entries: 0, firstEntries: [] },
    ]);
  });
});

describe("reviewWarnings", () => {
  it("groups warnings by the part of the CV their path names, in words, with the section's own title", () => {
    const { groups, count } = reviewWarnings(
      [
        { message: "Left out sections.0.items.1.endDate: is before the start date", text: "2015" },
        { message: "Left out basics.phone: must be a phone number", text: "call me" },
        { message: "work.2.startDate: is not a date we can read: left out", text: null },
        { message: "No name was found at the top of the CV", text: "" },
      ],
      read,
    );
    expect(count).toBe(4);
    expect(groups.map((g) => g.title)).toEqual(["Experience", "Name and contact details", "Work", "Other notes"]);
    expect(groups[0]!.warnings).toEqual([
      {
        path: "sections.0.items.1.endDate",
        field: "entry 2 › end date",
        message: "is before the start date (left out)",
        text: "2015",
      },
    ]);
    expect(groups[1]!.warnings[0]!.field).toBe("phone");
    expect(groups[2]!.warnings[0]).toMatchObject({ path: "work.2.startDate", field: "entry 3 › start date" });
    expect(groups[3]!.warnings[0]).toEqual({
      path: null,
      field: "",
      message: "No name was found at the top of the CV",
      text: null,
    });
  });

  it("reads the paths of Reactive Resume files and the files, rows and columns of a LinkedIn export", () => {
    const { groups, unplaced } = reviewWarnings([
      { message: "sections.experience.items.2: was hidden in Reactive Resume: imported as a hidden item", text: null },
      { message: "metadata.template: Reactive Resume's templates are not CV Maker's: choose one in Design" },
      {
        message: "Profile.csv row 2, Industry: a CV has no place for it: left out",
        text: "Software Development",
      },
    ]);
    expect(unplaced).toEqual([]);
    expect(groups.map((g) => g.title)).toEqual(["Experience", "Metadata", "Profile"]);
    expect(reviewWarnings([{ message: "picture: the photo is not imported" }]).groups[0]).toEqual({
      title: "Picture",
      warnings: [{ path: "picture", field: "", message: "The photo is not imported", text: null }],
    });
    expect(groups[0]!.warnings[0]).toMatchObject({
      path: "sections.experience.items.2",
      field: "entry 3",
      message: "was hidden in Reactive Resume: imported as a hidden item",
    });
    expect(groups[2]!.warnings[0]).toEqual({
      path: "Profile.csv",
      field: "row 2 › Industry",
      message: "a CV has no place for it: left out",
      text: "Software Development",
    });
  });

  it("lists text that found no place under why, once each", () => {
    const { groups, unplaced, count } = reviewWarnings([
      { message: "Repeated on every page; left out", text: "Page 1 of 3" },
      { message: "Repeated on every page; left out", text: "Page 2 of 3" },
      { message: "Repeated on every page; left out", text: "Page 2 of 3" },
      { message: "Could not be placed in any field", text: "Hobbies: chess" },
    ]);
    expect(groups).toEqual([]);
    expect(count).toBe(3);
    expect(unplaced).toEqual([
      { message: "Repeated on every page; left out", texts: ["Page 1 of 3", "Page 2 of 3"] },
      { message: "Could not be placed in any field", texts: ["Hobbies: chess"] },
    ]);
  });

  it("does not take a sentence with a colon for a path", () => {
    const { groups } = reviewWarnings([{ message: "Longer than 300 characters: the end was cut off", text: "" }]);
    expect(groups).toEqual([
      {
        title: "Notes",
        warnings: [{ path: null, field: "", message: "Longer than 300 characters: the end was cut off", text: null }],
      },
    ]);
  });
});

describe("readFromState", () => {
  it("finds the summary the dialog handed over, and nothing in any other state", () => {
    expect(readFromState({ importReport: { warnings: [], sources: [], read } })).toEqual(read);
    expect(readFromState({ importReport: { warnings: [], sources: [] } })).toBeUndefined();
    expect(readFromState({ importReport: { read: { name: 3 } } })).toBeUndefined();
    expect(readFromState(null)).toBeUndefined();
  });
});
