import { useState } from "react";
import { DeleteAccountDialog, type Proof } from "./DeleteAccountDialog";
import "./account.css";

/** The danger zone: what deleting the account means, and the button to the dialog that asks to confirm it. */
export function DeleteAccountSection({
  asks,
  email,
  onDeleted,
}: {
  asks: Proof;
  email: string | null;
  onDeleted: () => void;
}) {
  const [open, setOpen] = useState(false);
  return (
    <section className="account-danger" aria-labelledby="account-delete-title">
      <h2 id="account-delete-title">Delete my account</h2>
      <p>
        Deletes your account and everything in it: every CV and its saved versions, your jobs, cover letters and files.
        This cannot be undone, and you are signed out on every device.
      </p>
      <button type="button" className="button button--danger" onClick={() => setOpen(true)}>
        Delete my account…
      </button>
      {open && (
        <DeleteAccountDialog
          asks={asks}
          email={email}
          onClose={() => setOpen(false)}
          onDeleted={() => {
            setOpen(false);
            onDeleted();
          }}
        />
      )}
    </section>
  );
}
