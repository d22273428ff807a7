/**
 * Sign-in against the embedded default's local issuer (POST /auth/signup, /auth/signin, /auth/refresh,
 * /auth/signout). Tokens live in localStorage so every tab shares one session; a refresh rotates the refresh
 * token, so a tab that loses the race reads the winner's tokens instead of signing the person out.
 */

export interface Tokens {
  idToken: string;
  accessToken: string;
  refreshToken: string;
  /** Epoch milliseconds after which the access token is refused. */
  expiresAt: number;
}

export class AuthError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const STORAGE_KEY = "cvmaker.session";
/** Refresh this long before expiry, so a request never leaves with a token about to lapse. */
const REFRESH_MARGIN_MS = 60_000;

type Listener = (tokens: Tokens | null) => void;

export class LocalAuthClient {
  private refreshing: Promise<Tokens | null> | null = null;
  private listeners = new Set<Listener>();

  constructor(
    private readonly baseUrl: string,
    private readonly storage: Storage = window.localStorage,
    private readonly fetchFn: typeof fetch = (...args) => window.fetch(...args),
    private readonly now: () => number = Date.now,
  ) {
    if (typeof window !== "undefined") {
      window.addEventListener("storage", (event) => {
        if (event.key === STORAGE_KEY) this.notify(this.current());
      });
    }
  }

  current(): Tokens | null {
    const raw = this.storage.getItem(STORAGE_KEY);
    if (!raw) return null;
    try {
      const tokens = JSON.parse(raw) as Tokens;
      return tokens.accessToken && tokens.refreshToken ? tokens : null;
    } catch {
      return null;
    }
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  signIn(email: string, password: string): Promise<Tokens> {
    return this.session("/auth/signin", { email, password });
  }

  signUp(email: string, password: string): Promise<Tokens> {
    return this.session("/auth/signup", { email, password });
  }

  /** Asks for a password reset code by email. The answer is the same whether or not the account exists. */
  requestPasswordReset(email: string): Promise<string> {
    return this.message("/auth/password-reset", { email });
  }

  /** Sets a new password with the code from the reset message; the person signs in with it afterwards. */
  confirmPasswordReset(email: string, code: string, password: string): Promise<string> {
    return this.message("/auth/password-reset/confirm", { email, code, password });
  }

  async signOut(): Promise<void> {
    const tokens = this.current();
    this.store(null);
    if (tokens) {
      // Revoking is best effort: the person is signed out of this browser whatever the network says.
      await this.post("/auth/signout", { refreshToken: tokens.refreshToken }).catch(() => undefined);
    }
  }

  /** A valid access token, refreshed first when it is about to expire; null when signed out. */
  async accessToken(): Promise<string | null> {
    const tokens = this.current();
    if (!tokens) return null;
    if (tokens.expiresAt - this.now() > REFRESH_MARGIN_MS) return tokens.accessToken;
    return (await this.refresh())?.accessToken ?? null;
  }

  /** One refresh at a time; the result is shared by every caller waiting on it. */
  refresh(): Promise<Tokens | null> {
    this.refreshing ??= this.doRefresh().finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  private async doRefresh(): Promise<Tokens | null> {
    const before = this.current();
    if (!before) return null;
    try {
      return await this.session("/auth/refresh", { refreshToken: before.refreshToken });
    } catch (error) {
      const after = this.current();
      if (after && after.refreshToken !== before.refreshToken) return after; // another tab refreshed first
      if (error instanceof AuthError && error.code === "INVALID_REFRESH_TOKEN") this.store(null);
      return null;
    }
  }

  private async session(path: string, body: Record<string, string>): Promise<Tokens> {
    const response = await this.post(path, body);
    const payload = (await response.json().catch(() => ({}))) as Record<string, unknown>;
    if (!response.ok) {
      throw new AuthError(String(payload.error ?? "FAILED"), String(payload.message ?? "Sign-in failed."));
    }
    const tokens: Tokens = {
      idToken: String(payload.idToken),
      accessToken: String(payload.accessToken),
      refreshToken: String(payload.refreshToken),
      expiresAt: this.now() + Number(payload.expiresIn) * 1000,
    };
    this.store(tokens);
    return tokens;
  }

  /** POSTs `body` and returns the server's message, or throws its typed error. */
  private async message(path: string, body: Record<string, string>): Promise<string> {
    const response = await this.post(path, body);
    const payload = (await response.json().catch(() => ({}))) as Record<string, unknown>;
    if (!response.ok) {
      throw new AuthError(String(payload.error ?? "FAILED"), String(payload.message ?? "Please try again."));
    }
    return String(payload.message ?? "");
  }

  private async post(path: string, body: Record<string, string>): Promise<Response> {
    try {
      return await this.fetchFn(`${this.baseUrl}${path}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      });
    } catch {
      throw new AuthError("NETWORK", "The server could not be reached. Check your connection and try again.");
    }
  }

  private store(tokens: Tokens | null): void {
    if (tokens) this.storage.setItem(STORAGE_KEY, JSON.stringify(tokens));
    else this.storage.removeItem(STORAGE_KEY);
    this.notify(tokens);
  }

  private notify(tokens: Tokens | null): void {
    for (const listener of this.listeners) listener(tokens);
  }
}

/** The email claim of an ID token, for display only (the server verifies tokens; the client never trusts them). */
export function emailFromIdToken(idToken: string): string | null {
  try {
    const part = idToken.split(".")[1] ?? "";
    const json = atob(
      part
        .replace(/-/g, "+")
        .replace(/_/g, "/")
        .padEnd(Math.ceil(part.length / 4) * 4, "="),
    );
    const claims = JSON.parse(json) as { email?: unknown };
    return typeof claims.email === "string" ? claims.email : null;
  } catch {
    return null;
  }
}
