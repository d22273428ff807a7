import { type KeyboardEvent, useEffect, useId, useRef, useState } from "react";

export interface ItemAction {
  label: string;
  onSelect: () => void;
  disabled?: boolean;
  danger?: boolean;
}

/**
 * An entry's actions behind one button (move up or down, move to another section, hide, remove), so each entry
 * is two Tab stops: its title and this menu. A menu button as the ARIA Authoring Practices describe it: arrow
 * keys move between items, Escape closes, and the focus goes back to the button.
 */
function enabled(root: HTMLElement | null): HTMLButtonElement[] {
  return [...(root?.querySelectorAll<HTMLButtonElement>("button:not(:disabled)") ?? [])];
}

export function ItemActions({ name, actions }: { name: string; actions: ItemAction[] }) {
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const trigger = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    enabled(menu.current)[0]?.focus();
    const closeOutside = (event: MouseEvent) => {
      if (!menu.current?.contains(event.target as Node) && event.target !== trigger.current) setOpen(false);
    };
    document.addEventListener("mousedown", closeOutside);
    return () => document.removeEventListener("mousedown", closeOutside);
  }, [open]);

  const close = () => {
    setOpen(false);
    trigger.current?.focus();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const items = enabled(menu.current);
    const at = items.indexOf(document.activeElement as HTMLButtonElement);
    const moves: Record<string, number> = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: items.length - 1 };
    if (event.key === "Escape" || event.key === "Tab") {
      if (event.key === "Escape") event.preventDefault();
      close();
    } else if (event.key in moves) {
      event.preventDefault();
      items[(moves[event.key] + items.length) % items.length]?.focus();
    }
  };

  return (
    <div className="item-actions">
      <button
        ref={trigger}
        type="button"
        className="icon-button item-actions__trigger"
        aria-label={`Actions for ${name}`}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => setOpen(!open)}
      >
        <svg viewBox="0 0 4 16" width="4" height="16" aria-hidden="true">
          {[2, 8, 14].map((y) => (
            <circle key={y} cx="2" cy={y} r="1.6" />
          ))}
        </svg>
      </button>
      {open && (
        <div
          ref={menu}
          id={menuId}
          role="menu"
          aria-label={`Actions for ${name}`}
          className="item-actions__menu"
          onKeyDown={onKeyDown}
        >
          {actions.map((action) => (
            <button
              key={action.label}
              type="button"
              role="menuitem"
              tabIndex={-1}
              className={`item-actions__item ${action.danger ? "item-actions__item--danger" : ""}`}
              disabled={action.disabled}
              onClick={() => {
                close();
                action.onSelect();
              }}
            >
              {action.label}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
