import { describe, expect, it } from "vitest";
import { AuthError, emailFromIdToken, LocalAuthClient } from "./localAuth";

function jwt(claims: object): string {
  const encode = (value: object) =>
    btoa(JSON.stringify(value)).replace(/=+$/, "").replace(/\+/g, "-").replace(/\//g, "_");
  return `${encode({ alg: "RS256" })}.${encode(claims)}.signature`;
}

/** A fake of the local issuer's endpoints, counting calls. */
function fakeIssuer() {
  let serial = 0;
  const calls: string[] = [];
  const revoked = new Set<string>();
  const fetchFn = (async (url: string, init?: RequestInit) => {
    const path = new URL(url, "http://x").pathname;
    calls.push(path);
    const body = JSON.parse(String(init?.body ?? "{}")) as Record<string, string>;
    if (path === "/auth/signin" && body.password !== "right password") {
      return new Response(JSON.stringify({ error: "BAD_CREDENTIALS", message: "Wrong email or password." }), {
        status: 401,
      });
    }
    if (path === "/auth/refresh") {
      if (revoked.has(body.refreshToken!)) {
        return new Response(JSON.stringify({ error: "INVALID_REFRESH_TOKEN", message: "Sign in again." }), {
          status: 401,
        });
      }
      revoked.add(body.refreshToken!);
    }
    if (path === "/auth/signout") return new Response(null, { status: 204 });
    serial += 1;
    return new Response(
      JSON.stringify({
        idToken: jwt({ email: "ada@example.com" }),
        accessToken: `access-${serial}`,
        refreshToken: `refresh-${serial}`,
        expiresIn: 3600,
      }),
      { status: 200 },
    );
  }) as typeof fetch;
  return { fetchFn, calls, revoked };
}

describe("LocalAuthClient", () => {
  it("signs in, keeps the session in storage and reads the email from the ID token", async () => {
    const issuer = fakeIssuer();
    const client = new LocalAuthClient("", window.localStorage, issuer.fetchFn);
    const tokens = await client.signIn("ada@example.com", "right password");
    expect(await client.accessToken()).toBe(tokens.accessToken);
    expect(new LocalAuthClient("", window.localStorage, issuer.fetchFn).current()?.accessToken).toBe("access-1");
    expect(emailFromIdToken(tokens.idToken)).toBe("ada@example.com");
  });

  it("reports a wrong password in words and stores nothing", async () => {
    const client = new LocalAuthClient("", window.localStorage, fakeIssuer().fetchFn);
    await expect(client.signIn("ada@example.com", "wrong")).rejects.toEqual(
      new AuthError("BAD_CREDENTIALS", "Wrong email or password."),
    );
    expect(client.current()).toBeNull();
  });

  it("refreshes a token about to expire, once for many simultaneous callers", async () => {
    const issuer = fakeIssuer();
    let now = 0;
    const client = new LocalAuthClient("", window.localStorage, issuer.fetchFn, () => now);
    await client.signIn("ada@example.com", "right password");
    now = 3_590_000; // ten seconds before expiry
    const tokens = await Promise.all([client.accessToken(), client.accessToken(), client.accessToken()]);
    expect(tokens).toEqual(["access-2", "access-2", "access-2"]);
    expect(issuer.calls.filter((c) => c === "/auth/refresh")).toHaveLength(1);
  });

  it("uses another tab's fresh tokens when it lost the refresh race", async () => {
    const issuer = fakeIssuer();
    const mine = new LocalAuthClient("", window.localStorage, issuer.fetchFn);
    await mine.signIn("ada@example.com", "right password");
    const stale = mine.current()!;
    const otherTab = new LocalAuthClient("", window.localStorage, issuer.fetchFn);
    await otherTab.refresh(); // rotates refresh-1 away
    window.localStorage.setItem("cvmaker.session", JSON.stringify(stale)); // this tab still holds the old one...
    issuer.revoked.add(stale.refreshToken);
    const winner = { ...stale, accessToken: "from-other-tab", refreshToken: "refresh-other" };
    const racing = mine.refresh();
    window.localStorage.setItem("cvmaker.session", JSON.stringify(winner)); // ...until the other tab writes
    expect((await racing)?.accessToken).toBe("from-other-tab");
  });

  it("signs out locally even when the server cannot be reached", async () => {
    const issuer = fakeIssuer();
    const client = new LocalAuthClient("", window.localStorage, issuer.fetchFn);
    await client.signIn("ada@example.com", "right password");
    const offline = new LocalAuthClient("", window.localStorage, (async () => {
      throw new TypeError("Failed to fetch");
    }) as typeof fetch);
    await offline.signOut();
    expect(offline.current()).toBeNull();
  });
});
