import { useState, type FormEvent } from "react";
import { AuthError, type LocalAuthClient } from "./localAuth";
import { Logo } from "../ui/Logo";
import { PasswordReset } from "./PasswordReset";

/** Email and password sign-in and sign-up against the local issuer. */
export function SignInPage({ client }: { client: LocalAuthClient }) {
  const [mode, setMode] = useState<"signin" | "signup" | "reset">("signin");
  const [notice, setNotice] = useState<string | null>(null);
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      if (mode === "signin") await client.signIn(email.trim(), password);
      else await client.signUp(email.trim(), password);
    } catch (failure) {
      setError(failure instanceof AuthError ? failure.message : "Sign-in failed. Please try again.");
      setBusy(false);
    }
  }

  const signingUp = mode === "signup";
  if (mode === "reset") {
    return (
      <main className="auth-page">
        <div className="auth-card">
          <div className="auth-card__brand">
            <Logo />
          </div>
          <PasswordReset
            client={client}
            initialEmail={email}
            onDone={(resetEmail, message) => {
              setEmail(resetEmail);
              setPassword("");
              setNotice(message);
              setMode("signin");
            }}
            onCancel={() => setMode("signin")}
          />
        </div>
      </main>
    );
  }
  return (
    <main className="auth-page">
      <div className="auth-card">
        <div className="auth-card__brand">
          <Logo />
        </div>
        <h1>{signingUp ? "Create your account" : "Sign in"}</h1>
        <p className="muted">
          {signingUp ? "Write, design and tailor your CV." : "Welcome back. Sign in to see your CVs."}
        </p>
        {notice && !signingUp && (
          <p className="muted" role="status">
            {notice}
          </p>
        )}
        <form onSubmit={submit} noValidate>
          <label className="field">
            <span>Email</span>
            <input
              type="email"
              name="email"
              autoComplete="email"
              required
              value={email}
              onChange={(e) => setEmail(e.target.value)}
            />
          </label>
          <label className="field">
            <span>Password</span>
            <input
              type="password"
              name="password"
              autoComplete={signingUp ? "new-password" : "current-password"}
              required
              minLength={signingUp ? 10 : undefined}
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              aria-describedby={signingUp ? "password-hint" : undefined}
            />
            {signingUp && (
              <small id="password-hint" className="muted">
                At least 10 characters. Common passwords and patterns are refused.
              </small>
            )}
          </label>
          {!signingUp && (
            <p className="auth-card__forgot">
              <button
                type="button"
                className="link-button"
                onClick={() => {
                  setError(null);
                  setNotice(null);
                  setMode("reset");
                }}
              >
                Forgot password?
              </button>
            </p>
          )}
          {error && (
            <p className="form-error" role="alert">
              {error}
            </p>
          )}
          <button type="submit" className="button button--primary button--block" disabled={busy}>
            {busy ? "Please wait…" : signingUp ? "Create account" : "Sign in"}
          </button>
        </form>
        <p className="auth-card__switch">
          {signingUp ? "Already have an account?" : "New here?"}{" "}
          <button
            type="button"
            className="link-button"
            onClick={() => {
              setMode(signingUp ? "signin" : "signup");
              setError(null);
            }}
          >
            {signingUp ? "Sign in" : "Create an account"}
          </button>
        </p>
      </div>
    </main>
  );
}
