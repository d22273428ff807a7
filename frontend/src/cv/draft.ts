/**
 * The editor's working copy of a CV. The person edits a plain object; autosave sends it whole with `updateCv`.
 * New sections and items get ids here, so they keep them on the server and a later merge can match them.
 */
import { graphql, getFragmentData, type FragmentType } from "../gql";
import type {
  CvInput,
  HeadingStyle,
  LineHeight,
  PageSize,
  SectionColumn,
  SectionKind,
  SectionSpacing,
} from "../gql/graphql";

export const EditorCvFragment = graphql(`
  fragment EditorCv_cv on Cv {
    id
    version
    title
    summary
    basics {
      name
      headline
      email
      phone
      location
      links {
        label
        url
      }
    }
    sections {
      id
      kind
      title
      visible
      items {
        id
        visible
        title
        organization
        location
        startDate
        endDate
        current
        description
        bullets
        keywords
        url
      }
    }
    design {
      template
      accentColor
      fontFamily
      fontSize
      pageSize
      margins
      lineHeight
      sectionSpacing
      headingStyle
      sections {
        sectionId
        column
        pageBreakBefore
        keepTogether
      }
    }
    drafts {
      path
      value
      message
    }
  }
`);

export interface DraftLink {
  label: string;
  url: string;
}

export interface DraftItem {
  id: string;
  visible: boolean;
  title: string;
  organization: string;
  location: string;
  startDate: string;
  endDate: string;
  current: boolean;
  description: string;
  bullets: string[];
  keywords: string[];
  url: string;
}

export interface DraftSection {
  id: string;
  kind: SectionKind;
  title: string;
  visible: boolean;
  items: DraftItem[];
}

export interface DraftDesign {
  template: string;
  accentColor: string;
  fontFamily: string;
  fontSize: number;
  pageSize: PageSize;
  margins: string;
  lineHeight?: LineHeight;
  sectionSpacing?: SectionSpacing;
  headingStyle?: HeadingStyle;
  /** Per-section layout (column, page break, keep together); absent in drafts made before it existed. */
  sections?: DraftSectionLayout[];
}

export interface DraftSectionLayout {
  sectionId: string;
  column?: SectionColumn | null;
  pageBreakBefore?: boolean;
  keepTogether?: boolean;
}

export interface Draft {
  title: string;
  summary: string;
  basics: { name: string; headline: string; email: string; phone: string; location: string; links: DraftLink[] };
  sections: DraftSection[];
  design: DraftDesign;
}

/** Another draft shown in the preview instead of the one being edited (a tailored CV, an earlier version). */
export interface PreviewOverride {
  cvId: string;
  draft: Draft;
  label: string;
}

const text = (value: string | null | undefined): string => value ?? "";

/** A value the server kept as typed because it could not be read yet (a date, an email, a link). */
export interface KeptValue {
  path: string;
  message: string;
}

export function draftFromCv(ref: FragmentType<typeof EditorCvFragment>): {
  draft: Draft;
  version: number;
  kept: KeptValue[];
} {
  const cv = getFragmentData(EditorCvFragment, ref);
  const draft: Draft = {
    title: cv.title,
    summary: text(cv.summary),
    basics: {
      name: cv.basics.name,
      headline: text(cv.basics.headline),
      email: text(cv.basics.email),
      phone: text(cv.basics.phone),
      location: text(cv.basics.location),
      links: cv.basics.links.map((link) => ({ label: text(link.label), url: link.url })),
    },
    sections: cv.sections.map((section) => ({
      id: section.id,
      kind: section.kind,
      title: section.title,
      visible: section.visible,
      items: section.items.map((item) => ({
        id: item.id,
        visible: item.visible,
        title: text(item.title),
        organization: text(item.organization),
        location: text(item.location),
        startDate: text(item.startDate),
        endDate: text(item.endDate),
        current: item.current,
        description: text(item.description),
        bullets: [...item.bullets],
        keywords: [...item.keywords],
        url: text(item.url),
      })),
    })),
    design: { ...cv.design },
  };
  const clean = stripTypename(draft);
  for (const kept of cv.drafts) putTyped(clean, kept.path, kept.value);
  return { draft: clean, version: cv.version, kept: cv.drafts.map(({ path, message }) => ({ path, message })) };
}

/** Puts a kept value back into its field, so the person sees what they typed. Only the fields the server keeps
 * drafts for ("basics.email", "sections.N.items.M.startDate|endDate|url"). */
function putTyped(draft: Draft, path: string, value: string): void {
  if (path === "basics.email") {
    draft.basics.email = value;
    return;
  }
  const match = /^sections\.(\d+)\.items\.(\d+)\.(startDate|endDate|url)$/.exec(path);
  const item = match ? draft.sections[Number(match[1])]?.items[Number(match[2])] : undefined;
  if (match && item) item[match[3] as "startDate" | "endDate" | "url"] = value;
}

function stripTypename<T>(value: T): T {
  return JSON.parse(JSON.stringify(value, (key, v: unknown) => (key === "__typename" ? undefined : v))) as T;
}

const orNull = (value: string): string | null => (value.trim() === "" ? null : value);

/** The whole draft as an update; blank optional text is sent as null (the server treats them alike). */
export function draftToInput(draft: Draft): CvInput {
  return {
    title: draft.title.trim() || "Untitled CV",
    summary: orNull(draft.summary),
    basics: {
      name: draft.basics.name,
      headline: orNull(draft.basics.headline),
      email: orNull(draft.basics.email.trim()),
      phone: orNull(draft.basics.phone),
      location: orNull(draft.basics.location),
      links: draft.basics.links
        .filter((link) => link.url.trim() !== "")
        .map((link) => ({ label: orNull(link.label), url: link.url.trim() })),
    },
    sections: draft.sections.map((section) => ({
      id: section.id,
      kind: section.kind,
      title: section.title,
      visible: section.visible,
      items: section.items.map((item) => ({
        id: item.id,
        visible: item.visible,
        title: orNull(item.title),
        organization: orNull(item.organization),
        location: orNull(item.location),
        startDate: orNull(item.startDate.trim()),
        endDate: item.current ? null : orNull(item.endDate.trim()),
        current: item.current,
        description: orNull(item.description),
        bullets: item.bullets.filter((bullet) => bullet.trim() !== ""),
        keywords: item.keywords.filter((keyword) => keyword.trim() !== ""),
        url: orNull(item.url.trim()),
      })),
    })),
    design: {
      ...draft.design,
      // Only layouts of sections the draft still has: the server refuses a layout of a section it does not know.
      sections: draft.design.sections?.filter((layout) => draft.sections.some((s) => s.id === layout.sectionId)),
    },
  };
}

/** A part id the server accepts (`[A-Za-z0-9_-]{1,40}`) and that no other part of this CV uses. */
export function newPartId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(9));
  return `c${Array.from(bytes, (b) => b.toString(36).padStart(2, "0"))
    .join("")
    .slice(0, 15)}`;
}

export function emptyItem(): DraftItem {
  return {
    id: newPartId(),
    visible: true,
    title: "",
    organization: "",
    location: "",
    startDate: "",
    endDate: "",
    current: false,
    description: "",
    bullets: [],
    keywords: [],
    url: "",
  };
}

export const SECTION_KINDS: { kind: SectionKind; title: string }[] = [
  { kind: "EXPERIENCE", title: "Experience" },
  { kind: "EDUCATION", title: "Education" },
  { kind: "SKILLS", title: "Skills" },
  { kind: "PROJECTS", title: "Projects" },
  { kind: "CERTIFICATIONS", title: "Certifications" },
  { kind: "LANGUAGES", title: "Languages" },
  { kind: "AWARDS", title: "Awards" },
  { kind: "PUBLICATIONS", title: "Publications" },
  { kind: "VOLUNTEER", title: "Volunteering" },
  { kind: "CUSTOM", title: "Other" },
];

export function emptySection(kind: SectionKind): DraftSection {
  return {
    id: newPartId(),
    kind,
    title: SECTION_KINDS.find((k) => k.kind === kind)?.title ?? "Section",
    visible: true,
    items: [],
  };
}

export function moveInList<T>(list: readonly T[], from: number, to: number): T[] {
  const result = [...list];
  const [moved] = result.splice(from, 1);
  if (moved === undefined) return result;
  result.splice(Math.max(0, Math.min(to, result.length)), 0, moved);
  return result;
}
