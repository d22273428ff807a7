import { useEffect, useMemo, useState, type ReactNode } from "react";
import { AuthContext, type Auth } from "./AuthContext";
import { emailFromIdToken, LocalAuthClient } from "./localAuth";
import { SignInPage } from "./SignInPage";

/** The embedded default's sign-in: the local issuer's endpoints on the API's origin. */
export function LocalAuthGate({ apiUrl, children }: { apiUrl: string; children: ReactNode }) {
  const client = useMemo(() => new LocalAuthClient(apiUrl), [apiUrl]);
  const [tokens, setTokens] = useState(() => client.current());
  useEffect(() => client.subscribe(setTokens), [client]);

  const signedIn = tokens !== null;
  const email = tokens ? emailFromIdToken(tokens.idToken) : null;
  const auth = useMemo<Auth>(
    () => ({
      email,
      getAccessToken: () => client.accessToken(),
      refreshAccessToken: async () => (await client.refresh())?.accessToken ?? null,
      signOut: () => client.signOut(),
    }),
    [client, email],
  );
  if (!signedIn) return <SignInPage client={client} />;
  return <AuthContext.Provider value={auth}>{children}</AuthContext.Provider>;
}
