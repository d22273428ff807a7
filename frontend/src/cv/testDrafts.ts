import type { Draft, DraftItem } from "./draft";

export function item(id: string, title: string, extra: Partial<DraftItem> = {}): DraftItem {
  return {
    id,
    visible: true,
    title,
    organization: "",
    location: "",
    startDate: "",
    endDate: "",
    current: false,
    description: "",
    bullets: [],
    keywords: [],
    url: "",
    ...extra,
  };
}

export function sampleDraft(): Draft {
  return {
    title: "My CV",
    summary: "Engineer.",
    basics: { name: "Ada Lovelace", headline: "Analyst", email: "", phone: "", location: "London", links: [] },
    sections: [
      {
        id: "exp",
        kind: "EXPERIENCE",
        title: "Experience",
        visible: true,
        items: [item("e1", "Engineer"), item("e2", "Analyst")],
      },
      {
        id: "ski",
        kind: "SKILLS",
        title: "Skills",
        visible: true,
        items: [item("s1", "Languages", { keywords: ["Python"] })],
      },
    ],
    design: {
      template: "classic",
      accentColor: "#24477a",
      fontFamily: "Noto Sans",
      fontSize: 10,
      pageSize: "A4",
      margins: "18mm",
    },
  };
}
