/** Deployment settings, read at build time from VITE_* variables (Amplify Hosting sets them per branch). */

export type AuthMode = "local" | "cognito";

export interface CognitoSettings {
  userPoolId: string;
  userPoolClientId: string;
}

export interface AppConfig {
  /** Origin of the API; empty means the page's own origin (the embedded default serves both). */
  apiUrl: string;
  authMode: AuthMode;
  cognito: CognitoSettings | null;
}

type Env = Record<string, string | boolean | undefined>;

export function readConfig(env: Env): AppConfig {
  const text = (name: string): string => {
    const value = env[name];
    return typeof value === "string" ? value.trim() : "";
  };
  const authMode: AuthMode = text("VITE_AUTH_MODE") === "cognito" ? "cognito" : "local";
  const cognito =
    authMode === "cognito"
      ? { userPoolId: text("VITE_COGNITO_USER_POOL_ID"), userPoolClientId: text("VITE_COGNITO_CLIENT_ID") }
      : null;
  if (cognito && (!cognito.userPoolId || !cognito.userPoolClientId)) {
    throw new Error("VITE_AUTH_MODE=cognito needs VITE_COGNITO_USER_POOL_ID and VITE_COGNITO_CLIENT_ID.");
  }
  return { apiUrl: text("VITE_API_URL").replace(/\/+$/, ""), authMode, cognito };
}

export const config: AppConfig = readConfig(import.meta.env as Env);
