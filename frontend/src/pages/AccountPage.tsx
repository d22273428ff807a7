/** The account page (issue 18): download all of one's data, and delete the account (`features/account`; the API
 * is in docs/privacy.md). */
import { useNavigate } from "react-router";
import { useAuth } from "../auth/AuthContext";
import type { AuthMode } from "../config";
import { DeleteAccountSection } from "../features/account/DeleteAccountSection";
import { ExportSection } from "../features/account/ExportSection";
import { useToasts } from "../ui/Toasts";
import { useDocumentTitle } from "../ui/useDocumentTitle";

/** Shown on the sign-in page after a deletion: the toasts live above the sign-in gate, so they outlast it. */
export const DELETED_MESSAGE = "Your account and all its data are deleted, and you are signed out everywhere.";

export function AccountPage({ authMode }: { authMode: AuthMode }) {
  useDocumentTitle("Your account");
  const auth = useAuth();
  const toasts = useToasts();
  const navigate = useNavigate();

  function deleted() {
    toasts.show({ message: DELETED_MESSAGE }, 30_000);
    // Whoever signs in next starts on their CV list, not on this page.
    navigate("/", { replace: true });
    void auth.signOut();
  }

  return (
    <div className="page account-page">
      <header className="page__header">
        <div>
          <h1>Your account</h1>
          {auth.email && <p className="muted">Signed in as {auth.email}</p>}
        </div>
      </header>
      <ExportSection />
      {/* The embedded default holds the password and asks for it; Cognito's passwords never reach the app. */}
      <DeleteAccountSection
        asks={authMode === "local" ? "password" : "confirmation"}
        email={auth.email}
        onDeleted={deleted}
      />
    </div>
  );
}
