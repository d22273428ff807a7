/**
 * The cloud shape's sign-in: Amplify's Authenticator against the Cognito user pool named in /config.json.
 * This module (and Amplify with it) is loaded only when the settings say `cognito`, so the embedded default's
 * bundle never carries it.
 */
import { Authenticator } from "@aws-amplify/ui-react";
import "@aws-amplify/ui-react/styles.css";
import { Amplify } from "aws-amplify";
import { fetchAuthSession, signOut } from "aws-amplify/auth";
import { useEffect, useMemo, useState, type ReactNode } from "react";
import type { CognitoSettings } from "../config";
import { LoadingState } from "../ui/States";
import { AuthContext, type Auth } from "./AuthContext";

let configured = false;

export function amplifyAuthConfig(cognito: CognitoSettings) {
  return {
    Auth: {
      Cognito: {
        userPoolId: cognito.userPoolId,
        userPoolClientId: cognito.userPoolClientId,
        ...(cognito.userPoolEndpoint ? { userPoolEndpoint: cognito.userPoolEndpoint } : {}),
      },
    },
  };
}

export default function CognitoAuthGate({ cognito, children }: { cognito: CognitoSettings; children: ReactNode }) {
  if (!configured) {
    Amplify.configure(amplifyAuthConfig(cognito));
    configured = true;
  }
  return (
    <Authenticator loginMechanisms={["email"]} signUpAttributes={["email"]}>
      {({ user }) => <SignedIn loginId={user?.signInDetails?.loginId ?? null}>{children}</SignedIn>}
    </Authenticator>
  );
}

/**
 * Cognito's access tokens carry no email (the API's `me.email` is null in this shape), so the person is named
 * by what they signed in with, or else by the ID token's email claim (a session restored in a new tab).
 */
function SignedIn({ loginId, children }: { loginId: string | null; children: ReactNode }) {
  // undefined while the session is read: the app waits for it, so `auth` (and the API client made from it)
  // is made once rather than again when the email arrives.
  const [idTokenEmail, setIdTokenEmail] = useState<string | null | undefined>(loginId ? null : undefined);
  useEffect(() => {
    if (loginId) return;
    let current = true;
    void fetchAuthSession()
      .then((session) => session.tokens?.idToken?.payload.email)
      .catch(() => null)
      .then((email) => current && setIdTokenEmail(typeof email === "string" ? email : null));
    return () => {
      current = false;
    };
  }, [loginId]);
  const email = loginId ?? idTokenEmail;
  const auth = useMemo<Auth>(
    () => ({
      email: email ?? null,
      getAccessToken: async () => (await fetchAuthSession()).tokens?.accessToken?.toString() ?? null,
      refreshAccessToken: async () =>
        (await fetchAuthSession({ forceRefresh: true }).catch(() => null))?.tokens?.accessToken?.toString() ?? null,
      signOut: () => signOut(),
    }),
    [email],
  );
  if (email === undefined) return <LoadingState>Signing in…</LoadingState>;
  return <AuthContext.Provider value={auth}>{children}</AuthContext.Provider>;
}
