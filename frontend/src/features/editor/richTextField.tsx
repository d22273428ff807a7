import { type KeyboardEvent, type MouseEvent, type ReactNode, type RefObject, useRef, useState } from "react";
import { flushSync } from "react-dom";
import { type Emphasis, emphasisForKey, insertLink, type TextEdit, toggleEmphasis, toggleList } from "./richTextEdits";

type Field = HTMLTextAreaElement | HTMLInputElement;
type Edit = (value: string, start: number, end: number) => TextEdit;

/**
 * `edit` applied to the field's own text and selection (the DOM holds the latest keystroke, the props may not
 * yet). The new text is rendered at once (`flushSync`, as bullets do: features/editor/ListField.tsx) and the
 * selection set on it in the same event, so a key typed right after lands where the person sees the caret.
 */
export function applyEdit(field: Field, edit: Edit, onChange: (value: string) => void): void {
  const value = field.value;
  const start = field.selectionStart ?? value.length;
  const end = field.selectionEnd ?? start;
  const next = edit(value, start, end);
  if (next.value !== value) flushSync(() => onChange(next.value));
  field.focus();
  field.setSelectionRange(next.start, next.end);
}

const emphasisEdit =
  (emphasis: Emphasis): Edit =>
  (value, start, end) =>
    toggleEmphasis(value, start, end, emphasis);

/** Ctrl/Cmd+B and Ctrl/Cmd+I in a rich field. Whether the key was one of them (and is handled). */
export function handleRichKey(event: KeyboardEvent<Field>, onChange: (value: string) => void): boolean {
  const emphasis = emphasisForKey(event);
  if (!emphasis || event.nativeEvent.isComposing) return false;
  event.preventDefault();
  applyEdit(event.currentTarget, emphasisEdit(emphasis), onChange);
  return true;
}

const TOOLS: { name: string; keys?: string; edit: Edit; icon: ReactNode }[] = [
  { name: "Bold", keys: "Ctrl+B", edit: emphasisEdit("bold"), icon: <b>B</b> },
  { name: "Italic", keys: "Ctrl+I", edit: emphasisEdit("italic"), icon: <i style={{ fontFamily: "serif" }}>I</i> },
  {
    name: "Link",
    edit: insertLink,
    icon: (
      <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
        <path
          d="M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1.2 1.2M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1.2-1.2"
          fill="none"
          stroke="currentColor"
          strokeWidth="2"
          strokeLinecap="round"
        />
      </svg>
    ),
  },
  {
    name: "Bulleted list",
    edit: toggleList,
    icon: (
      <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
        <g fill="currentColor">
          <circle cx="5" cy="6" r="1.6" />
          <circle cx="5" cy="12" r="1.6" />
          <circle cx="5" cy="18" r="1.6" />
          <rect x="9" y="5" width="11" height="2" rx="1" />
          <rect x="9" y="11" width="11" height="2" rx="1" />
          <rect x="9" y="17" width="11" height="2" rx="1" />
        </g>
      </svg>
    ),
  },
];

/** Pressing a tool must not take the focus (and the visible selection) from the text box it formats. */
const keepFocus = (event: MouseEvent) => event.preventDefault();

/**
 * Bold, Italic, Link and Bulleted list for a text box: one Tab stop, the arrow keys move between the buttons
 * (the ARIA toolbar pattern), each applies to the box's selection and puts the focus back in the box.
 */
export function RichTextToolbar({
  target,
  controls,
  onChange,
}: {
  target: RefObject<HTMLTextAreaElement | null>;
  /** The id of the text box it formats. */
  controls: string;
  onChange: (value: string) => void;
}) {
  const [active, setActive] = useState(0);
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  const run = (edit: Edit) => {
    if (target.current) applyEdit(target.current, edit, onChange);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const moves: Record<string, number> = {
      ArrowRight: active + 1,
      ArrowLeft: active - 1,
      Home: 0,
      End: TOOLS.length - 1,
    };
    if (!(event.key in moves)) return;
    event.preventDefault();
    const next = (moves[event.key] + TOOLS.length) % TOOLS.length;
    setActive(next);
    buttons.current[next]?.focus();
  };
  return (
    // Named apart from the field: a name holding the field's label would make that label find two elements.
    <div
      role="toolbar"
      aria-label="Text formatting"
      aria-controls={controls}
      className="rich-toolbar"
      onKeyDown={onKeyDown}
    >
      {TOOLS.map((tool, index) => (
        <button
          key={tool.name}
          ref={(button) => {
            buttons.current[index] = button;
          }}
          type="button"
          className="icon-button rich-toolbar__button"
          aria-label={tool.name}
          aria-keyshortcuts={tool.keys?.replace("Ctrl", "Control")}
          title={tool.keys ? `${tool.name} (${tool.keys})` : tool.name}
          tabIndex={index === active ? 0 : -1}
          onMouseDown={keepFocus}
          onFocus={() => setActive(index)}
          onClick={() => run(tool.edit)}
        >
          {tool.icon}
        </button>
      ))}
    </div>
  );
}
