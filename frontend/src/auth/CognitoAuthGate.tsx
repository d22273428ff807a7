/**
 * The cloud shape's sign-in: Amplify's Authenticator against the Cognito user pool named in the build settings.
 * This module (and Amplify with it) is loaded only when VITE_AUTH_MODE=cognito, so the embedded default's
 * bundle never carries it.
 */
import { Authenticator } from "@aws-amplify/ui-react";
import "@aws-amplify/ui-react/styles.css";
import { Amplify } from "aws-amplify";
import { fetchAuthSession, signOut } from "aws-amplify/auth";
import { useMemo, type ReactNode } from "react";
import type { CognitoSettings } from "../config";
import { AuthContext, type Auth } from "./AuthContext";

let configured = false;

export default function CognitoAuthGate({ cognito, children }: { cognito: CognitoSettings; children: ReactNode }) {
  if (!configured) {
    Amplify.configure({ Auth: { Cognito: { userPoolId: cognito.userPoolId, userPoolClientId: cognito.userPoolClientId } } });
    configured = true;
  }
  return (
    <Authenticator loginMechanisms={["email"]} signUpAttributes={["email"]}>
      {({ user }) => <SignedIn email={user?.signInDetails?.loginId ?? null}>{children}</SignedIn>}
    </Authenticator>
  );
}

function SignedIn({ email, children }: { email: string | null; children: ReactNode }) {
  const auth = useMemo<Auth>(
    () => ({
      email,
      getAccessToken: async () => (await fetchAuthSession()).tokens?.accessToken?.toString() ?? null,
      refreshAccessToken: async () =>
        (await fetchAuthSession({ forceRefresh: true }).catch(() => null))?.tokens?.accessToken?.toString() ?? null,
      signOut: () => signOut(),
    }),
    [email],
  );
  return <AuthContext.Provider value={auth}>{children}</AuthContext.Provider>;
}
