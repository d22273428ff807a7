import { useMutation } from "@apollo/client/react";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { Dialog } from "../../ui/Dialog";
import { Spinner } from "../../ui/States";
import { describeAccountError } from "./errors";
import { DeleteMyAccountMutation } from "./operations";

/** What the server asks for: the password where it holds one (the embedded default), else the email typed out. */
export type Proof = "password" | "confirmation";

const isProof = (path: string): path is Proof => path === "password" || path === "confirmation";

/** The second question before an account is deleted for good. Nothing is deleted until the server accepts the
 * answer; a wrong one is shown on its field, and the person can try again or cancel. */
export function DeleteAccountDialog({
  asks,
  email,
  onClose,
  onDeleted,
}: {
  /** What to ask for first; the page knows from the sign-in mode. */
  asks: Proof;
  email: string | null;
  onClose: () => void;
  onDeleted: () => void;
}) {
  const [deleteMyAccount, { loading }] = useMutation(DeleteMyAccountMutation);
  // The server has the last word: an embedded-default account made without a password (`cvmaker token`) is
  // confirmed by its email, and its answer names the field it wants.
  const [proof, setProof] = useState<Proof>(asks);
  const [value, setValue] = useState("");
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  // Read while rendering, before the dialog takes the focus: the control that opened the dialog.
  const [trigger] = useState(() => (document.activeElement instanceof HTMLElement ? document.activeElement : null));
  useEffect(() => {
    // Not `autoFocus`: React focuses before the <dialog> is shown, and showModal() then focuses "Close".
    input.current?.focus();
  }, []);
  useEffect(
    () => () => {
      if (trigger?.isConnected && trigger !== document.body) trigger.focus();
    },
    [trigger],
  );

  function refuse(field: Proof, message: string) {
    setProof(field);
    setFieldError(message);
    if (field !== proof) setValue("");
    // After React has drawn the field (it may be the other one now), so its error is read with its label.
    window.setTimeout(() => {
      input.current?.focus();
      input.current?.select();
    });
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (loading) return;
    setFormError(null);
    if (!value.trim()) {
      refuse(
        proof,
        proof === "password"
          ? "Enter your password to delete your account."
          : "Type your account's email address to confirm.",
      );
      return;
    }
    setFieldError(null);
    try {
      const { data } = await deleteMyAccount({
        variables: proof === "password" ? { password: value } : { confirmation: value.trim() },
      });
      const result = data?.deleteMyAccount;
      if (result?.__typename === "DeletedAccount") {
        onDeleted();
        return;
      }
      if (result?.__typename === "ValidationError") {
        const field = result.fields.find((f) => isProof(f.path));
        if (field && isProof(field.path)) refuse(field.path, field.message);
        else setFormError(result.message);
        return;
      }
      setFormError(result?.message ?? "Your account could not be deleted. Please try again.");
    } catch (failure) {
      setFormError(`Nothing was deleted. ${describeAccountError(failure)}`);
    }
  }

  const asksPassword = proof === "password";
  return (
    <Dialog open title="Delete your account?" onClose={loading ? () => undefined : onClose}>
      <div className="account-dialog">
        <p>This deletes everything in your CV Maker account, for good:</p>
        <ul className="account-dialog__list">
          <li>every CV and all its saved versions,</li>
          <li>your jobs and cover letters,</li>
          <li>the files you uploaded and rendered,</li>
          <li>your account itself: you can no longer sign in with {email ?? "it"}.</li>
        </ul>
        <p>
          <strong>It cannot be undone.</strong> You are signed out everywhere, on every device. Download your data first
          if you want a copy.
        </p>
        <form id="account-delete-form" onSubmit={(event) => void submit(event)} noValidate>
          <div className="field">
            <label htmlFor="account-delete-proof">
              {asksPassword ? "Your password" : "Type your email address to confirm"}
            </label>
            {!asksPassword && email && (
              <small id="account-delete-hint" className="muted">
                Type {email}
              </small>
            )}
            <input
              ref={input}
              id="account-delete-proof"
              key={proof}
              type={asksPassword ? "password" : "email"}
              autoComplete={asksPassword ? "current-password" : "off"}
              spellCheck={false}
              value={value}
              onChange={(event) => setValue(event.target.value)}
              disabled={loading}
              aria-invalid={fieldError ? true : undefined}
              aria-describedby={
                [fieldError ? "account-delete-error" : "", !asksPassword && email ? "account-delete-hint" : ""]
                  .filter(Boolean)
                  .join(" ") || undefined
              }
            />
            {fieldError && (
              <small id="account-delete-error" className="field__error" role="alert">
                {fieldError}
              </small>
            )}
          </div>
          {formError && (
            <p className="form-error" role="alert">
              {formError}
            </p>
          )}
          <div className="dialog__footer">
            <button type="button" className="button" onClick={onClose} disabled={loading}>
              Cancel
            </button>
            <button type="submit" className="button button--danger" disabled={loading}>
              {loading && <Spinner label="" />}
              {loading ? "Deleting…" : "Delete my account for good"}
            </button>
          </div>
          <p className="visually-hidden" role="status">
            {loading ? "Deleting your account…" : ""}
          </p>
        </form>
      </div>
    </Dialog>
  );
}
