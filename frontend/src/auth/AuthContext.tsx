import { createContext, useContext } from "react";

/** What the rest of the app knows about sign-in, whichever issuer is behind it (local or Cognito). */
export interface Auth {
  email: string | null;
  getAccessToken(): Promise<string | null>;
  /** Called after a 401: a fresh token, or null when the session is over. */
  refreshAccessToken(): Promise<string | null>;
  signOut(): Promise<void>;
}

export const AuthContext = createContext<Auth | null>(null);

export function useAuth(): Auth {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error("useAuth() outside a signed-in area");
  return auth;
}
