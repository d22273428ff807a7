import { useRef, useState } from "react";
import { ShareDialog, type ShareTarget } from "./ShareDialog";

/** The "Share" button of the editor (or of a letter) and its dialog; closing the dialog focuses the button again. */
export function ShareButton({ target, beforeOpen }: { target: ShareTarget; beforeOpen?: () => unknown }) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const close = () => {
    setOpen(false);
    // After the dialog has left the page, so the browser does not move focus back to <body>.
    window.setTimeout(() => button.current?.focus());
  };
  return (
    <>
      <button
        ref={button}
        type="button"
        className="button"
        aria-haspopup="dialog"
        // Beside the editor's own Share button (the CV's), a letter's says which it shares.
        aria-label={"letterId" in target && target.letterId ? "Share this letter" : undefined}
        onClick={() => {
          void beforeOpen?.();
          setOpen(true);
        }}
      >
        Share
      </button>
      {open && <ShareDialog target={target} onClose={close} />}
    </>
  );
}
