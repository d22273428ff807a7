import { memo, useContext, useEffect, useState } from "react";
import type { SectionKind } from "../../gql/graphql";
import type { DraftItem } from "../../cv/draft";
import { Checkbox, FieldErrorsContext, TextField, UncertainFieldsContext } from "./fields";
import { KIND_LABELS } from "../../cv/kinds";
import { BulletsField, KeywordsField } from "./ListField";
import { ItemActions } from "./ItemActions";
import { DragHandle } from "./sortable";

interface ItemCardProps {
  item: DraftItem;
  kind: SectionKind;
  /** Index path for validation messages: "sections.2.items.0". */
  path: string;
  index: number;
  count: number;
  handle: Parameters<typeof DragHandle>[0]["handle"];
  onChange: (change: Partial<DraftItem>) => void;
  onMove: (to: number) => void;
  /** The other sections an entry can be moved to, and the move. */
  moveTargets: readonly { id: string; title: string }[];
  onMoveToSection: (sectionId: string) => void;
  onRemove: () => void;
}

export function itemName(item: DraftItem): string {
  const parts = [item.title, item.organization].filter(Boolean);
  return parts.length ? parts.join(" at ") : "untitled entry";
}

/** "2021-03" as a person reads it ("March 2021"), to show what a typed date was read as; null if not a date. */
export function datePrinted(value: string): string | null {
  const match = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(value.trim());
  if (!match) return null;
  const [, year, month, day] = match;
  if (!month) return year;
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day ?? 1)));
  const options: Intl.DateTimeFormatOptions = { month: "long", year: "numeric", timeZone: "UTC" };
  return new Intl.DateTimeFormat(undefined, day ? { ...options, day: "numeric" } : options).format(date);
}

function dateRange(item: DraftItem): string {
  const end = item.current ? "present" : item.endDate;
  return [item.startDate, end].filter(Boolean).join(" – ");
}

export const ItemCard = memo(function ItemCard(props: ItemCardProps) {
  const { item, kind, path, index, count } = props;
  const labels = KIND_LABELS[kind];
  const [openByChoice, setOpen] = useState(item.title === "" && item.organization === "");
  // A field the server refused, or the importer was unsure of, is never hidden inside a closed entry.
  const errors = useContext(FieldErrorsContext);
  const uncertain = useContext(UncertainFieldsContext);
  const needsEye = [...Object.keys(errors), ...uncertain.keys()].some((p) => p.startsWith(`${path}.`));
  const open = openByChoice || needsEye;
  // Opened to show a field problem, it stays open once it is fixed: folding while the person types is jarring.
  const hasProblem = Object.keys(errors).some((p) => p.startsWith(`${path}.`));
  useEffect(() => {
    if (hasProblem) setOpen(true);
  }, [hasProblem]);
  const name = itemName(item);
  const summary = [item.organization, dateRange(item)].filter(Boolean).join(" · ");
  const detailsId = `item-${item.id}`;
  return (
    <div className={`item ${item.visible ? "" : "item--hidden"}`}>
      <div className="item__head">
        <DragHandle handle={props.handle} label={`Move ${name}`} tabbable={false} />
        <button
          type="button"
          className="item__toggle"
          aria-expanded={open}
          aria-controls={detailsId}
          onClick={() => setOpen(!open)}
        >
          <span className="item__title">{item.title || <em className="muted">Untitled</em>}</span>
          {summary && <span className="item__summary muted">{summary}</span>}
          {kind === "SKILLS" && item.keywords.length > 0 && (
            <span className="item__summary muted">{item.keywords.slice(0, 6).join(", ")}</span>
          )}
        </button>
        {!item.visible && <span className="badge">Hidden</span>}
        <ItemActions
          name={name}
          actions={[
            { label: "Move up", disabled: index === 0, onSelect: () => props.onMove(index - 1) },
            { label: "Move down", disabled: index === count - 1, onSelect: () => props.onMove(index + 1) },
            ...props.moveTargets.map((target) => ({
              label: `Move to ${target.title}`,
              onSelect: () => props.onMoveToSection(target.id),
            })),
            {
              label: item.visible ? "Hide from the CV" : "Show on the CV",
              onSelect: () => props.onChange({ visible: !item.visible }),
            },
            { label: "Remove", danger: true, onSelect: props.onRemove },
          ]}
        />
      </div>
      {open && (
        <div className="item__body" id={detailsId}>
          <div className="grid-2">
            <TextField
              label={labels.title}
              path={`${path}.title`}
              value={item.title}
              onChange={(title) => props.onChange({ title })}
            />
            {labels.organization && (
              <TextField
                label={labels.organization}
                path={`${path}.organization`}
                value={item.organization}
                onChange={(organization) => props.onChange({ organization })}
              />
            )}
            {labels.dates && (
              <>
                <TextField
                  label="Start"
                  path={`${path}.startDate`}
                  value={item.startDate}
                  placeholder="March 2021"
                  hint={datePrinted(item.startDate) ?? "As you like: March 2021, 03/2021, 2021"}
                  onChange={(startDate) => props.onChange({ startDate })}
                />
                <div className="field-stack">
                  {!item.current && (
                    <TextField
                      label="End"
                      path={`${path}.endDate`}
                      value={item.endDate}
                      placeholder="August 2023, or present"
                      hint={datePrinted(item.endDate) ?? undefined}
                      onChange={(endDate) => props.onChange({ endDate })}
                    />
                  )}
                  <Checkbox
                    label={kind === "EDUCATION" ? "I study here now" : "Ongoing"}
                    checked={item.current}
                    onChange={(current) => props.onChange({ current, endDate: current ? "" : item.endDate })}
                  />
                </div>
              </>
            )}
            {labels.location && (
              <TextField
                label="Location"
                path={`${path}.location`}
                value={item.location}
                onChange={(location) => props.onChange({ location })}
              />
            )}
            {labels.url && (
              <TextField
                label="Link"
                type="url"
                path={`${path}.url`}
                value={item.url}
                placeholder="example.com/your-work"
                onChange={(url) => props.onChange({ url })}
              />
            )}
          </div>
          {labels.description && (
            <TextField
              label="Description"
              multiline
              rich
              rows={3}
              path={`${path}.description`}
              value={item.description}
              onChange={(description) => props.onChange({ description })}
            />
          )}
          {labels.bullets && (
            <BulletsField
              label="Highlights"
              path={`${path}.bullets`}
              values={item.bullets}
              onChange={(bullets) => props.onChange({ bullets })}
            />
          )}
          {labels.keywords && (
            <KeywordsField
              label={labels.keywords}
              values={item.keywords}
              onChange={(keywords) => props.onChange({ keywords })}
            />
          )}
        </div>
      )}
    </div>
  );
});

export function EyeIcon() {
  return (
    <svg
      viewBox="0 0 24 24"
      width="18"
      height="18"
      aria-hidden="true"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.8"
    >
      <path d="M2 12s3.6-7 10-7 10 7 10 7-3.6 7-10 7S2 12 2 12z" />
      <circle cx="12" cy="12" r="3" />
    </svg>
  );
}

export function EyeOffIcon() {
  return (
    <svg
      viewBox="0 0 24 24"
      width="18"
      height="18"
      aria-hidden="true"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.8"
    >
      <path d="M3 3l18 18M10.6 6.1A10.8 10.8 0 0 1 12 6c6.4 0 10 6 10 6a17.6 17.6 0 0 1-3.2 3.9M6.6 6.6A17.3 17.3 0 0 0 2 12s3.6 7 10 7a9.7 9.7 0 0 0 5.4-1.6" />
      <path d="M9.9 9.9a3 3 0 0 0 4.2 4.2" />
    </svg>
  );
}

export function TrashIcon() {
  return (
    <svg
      viewBox="0 0 24 24"
      width="18"
      height="18"
      aria-hidden="true"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.8"
    >
      <path d="M4 7h16M9 7V4h6v3M6 7l1 13h10l1-13" />
    </svg>
  );
}
