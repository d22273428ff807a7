import { CombinedGraphQLErrors } from "@apollo/client";
import { describeError } from "../../ui/States";

/** Plain words for a failed account request: the API's typed refusals by their code, anything else as the app
 * describes errors everywhere (network, server). */
export function describeAccountError(error: unknown): string {
  if (CombinedGraphQLErrors.is(error)) {
    const code = error.errors[0]?.extensions?.code;
    if (code === "UNAUTHENTICATED") return "Your session has ended. Sign in again, then try once more.";
    if (code === "FORBIDDEN") return "Only the account's owner, signed in to the app, can do this.";
  }
  return describeError(error);
}

/** "12 KB" for a byte count. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
