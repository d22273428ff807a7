import type { SectionKind } from "../gql/graphql";

export interface KindLabels {
  title: string;
  organization: string | null;
  dates: boolean;
  location: boolean;
  description: boolean;
  bullets: boolean;
  keywords: string | null;
  url: boolean;
  addLabel: string;
}

const base: KindLabels = {
  title: "Title",
  organization: "Organisation",
  dates: true,
  location: true,
  description: true,
  bullets: true,
  keywords: null,
  url: true,
  addLabel: "Add entry",
};

/** What each field means in each kind of section, so the form speaks the person's language. */
export const KIND_LABELS: Record<SectionKind, KindLabels> = {
  EXPERIENCE: {
    ...base,
    title: "Job title",
    organization: "Employer",
    keywords: "Technologies",
    url: false,
    addLabel: "Add position",
  },
  EDUCATION: {
    ...base,
    title: "Degree",
    organization: "School or university",
    bullets: true,
    url: false,
    addLabel: "Add education",
  },
  SKILLS: {
    ...base,
    title: "Group",
    organization: null,
    dates: false,
    location: false,
    description: false,
    bullets: false,
    keywords: "Skills",
    url: false,
    addLabel: "Add skill group",
  },
  PROJECTS: {
    ...base,
    title: "Project",
    organization: "Organisation",
    keywords: "Technologies",
    addLabel: "Add project",
  },
  CERTIFICATIONS: {
    ...base,
    title: "Certificate",
    organization: "Issuer",
    location: false,
    bullets: false,
    addLabel: "Add certificate",
  },
  LANGUAGES: {
    ...base,
    title: "Language",
    organization: null,
    dates: false,
    location: false,
    description: true,
    bullets: false,
    url: false,
    addLabel: "Add language",
  },
  AWARDS: { ...base, title: "Award", organization: "Awarded by", location: false, addLabel: "Add award" },
  PUBLICATIONS: {
    ...base,
    title: "Title",
    organization: "Publisher",
    location: false,
    bullets: false,
    addLabel: "Add publication",
  },
  VOLUNTEER: { ...base, title: "Role", organization: "Organisation", addLabel: "Add role" },
  CUSTOM: { ...base, keywords: "Keywords" },
};
