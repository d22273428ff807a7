/** The file input behind a visible "Choose a file" button: out of the tab order and hidden from assistive
 * technology (the button is what people reach), emptied after each choice so choosing the same file again fires. */
import type { RefObject } from "react";

interface HiddenFileInputProps {
  inputRef: RefObject<HTMLInputElement | null>;
  id: string;
  accept: string;
  disabled: boolean;
  onFile: (file: File) => void;
}

export function HiddenFileInput({ inputRef, id, accept, disabled, onFile }: HiddenFileInputProps) {
  return (
    <input
      ref={inputRef}
      id={id}
      type="file"
      accept={accept}
      className="visually-hidden"
      tabIndex={-1}
      aria-hidden="true"
      disabled={disabled}
      onChange={(event) => {
        const file = event.target.files?.[0];
        event.target.value = "";
        if (file) onFile(file);
      }}
    />
  );
}
