import { useEffect, useRef, useState, type FormEvent } from "react";
import { AuthError, type LocalAuthClient } from "./localAuth";

interface Props {
  client: LocalAuthClient;
  /** The email typed on the sign-in form, if any. */
  initialEmail: string;
  /** The password is changed: back to sign-in with this email and the server's message. */
  onDone: (email: string, message: string) => void;
  onCancel: () => void;
}

/**
 * "Forgot password?" on the embedded default: ask for a code (it goes to the server's outbox, which the admin
 * reads with `cvmaker outbox`), then enter it with a new password. Each step's heading takes the focus, so a
 * screen reader announces where the person is.
 */
export function PasswordReset({ client, initialEmail, onDone, onCancel }: Props) {
  const [step, setStep] = useState<"request" | "confirm">("request");
  const [email, setEmail] = useState(initialEmail);
  const [code, setCode] = useState("");
  const [password, setPassword] = useState("");
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: the focus moves when the step changes
  useEffect(() => heading.current?.focus(), [step]);

  async function run(action: () => Promise<void>) {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (failure) {
      setError(failure instanceof AuthError ? failure.message : "Something went wrong. Please try again.");
    } finally {
      setBusy(false);
    }
  }

  function request(event: FormEvent) {
    event.preventDefault();
    void run(async () => {
      setNotice(await client.requestPasswordReset(email.trim()));
      setStep("confirm");
    });
  }

  function confirm(event: FormEvent) {
    event.preventDefault();
    void run(async () => {
      const message = await client.confirmPasswordReset(email.trim(), code.trim(), password);
      onDone(email.trim(), message);
    });
  }

  const asking = step === "request";
  return (
    <>
      <h1 ref={heading} tabIndex={-1}>
        {asking ? "Reset your password" : "Enter your reset code"}
      </h1>
      {asking ? (
        <p className="muted">We will send a reset code to your email address.</p>
      ) : (
        notice && (
          <p className="muted" role="status">
            {notice}
          </p>
        )
      )}
      <form onSubmit={asking ? request : confirm} noValidate>
        <label className="field">
          <span>Email</span>
          <input
            type="email"
            name="email"
            autoComplete="email"
            required
            readOnly={!asking}
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
        </label>
        {!asking && (
          <>
            <label className="field">
              <span>Reset code</span>
              <input
                type="text"
                name="code"
                autoComplete="one-time-code"
                autoCapitalize="characters"
                spellCheck={false}
                required
                value={code}
                onChange={(e) => setCode(e.target.value)}
              />
            </label>
            <label className="field">
              <span>New password</span>
              <input
                type="password"
                name="new-password"
                autoComplete="new-password"
                required
                minLength={10}
                value={password}
                onChange={(e) => setPassword(e.target.value)}
                aria-describedby="new-password-hint"
              />
              <small id="new-password-hint" className="muted">
                At least 10 characters. Common passwords and patterns are refused.
              </small>
            </label>
          </>
        )}
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="button button--primary button--block" disabled={busy}>
          {busy ? "Please wait…" : asking ? "Send reset code" : "Set new password"}
        </button>
      </form>
      <p className="auth-card__switch">
        {!asking && (
          <>
            <button type="button" className="link-button" onClick={() => setStep("request")}>
              Send another code
            </button>{" "}
            ·{" "}
          </>
        )}
        <button type="button" className="link-button" onClick={onCancel}>
          Back to sign in
        </button>
      </p>
    </>
  );
}
