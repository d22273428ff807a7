/**
 * Everything behind sign-in: Apollo, the router, the CV list and the editor. Its own chunk, so the sign-in
 * screen loads without them; App starts fetching it while the person signs in.
 */
import { ApolloProvider } from "@apollo/client/react";
import { lazy, Suspense, useEffect, useMemo } from "react";
import { BrowserRouter, Route, Routes } from "react-router";
import { createApolloClient } from "./apollo/client";
import { useAuth } from "./auth/AuthContext";
import type { AuthMode } from "./config";
import { AccountPage } from "./pages/AccountPage";
import { ApplicationsPage } from "./pages/ApplicationsPage";
import { CvListPage } from "./pages/CvListPage";
import { AppShell } from "./ui/AppShell";
import { LoadingState } from "./ui/States";

const EditorPage = lazy(() => import("./pages/EditorPage"));

export default function SignedInApp({ apiUrl, authMode }: { apiUrl: string; authMode: AuthMode }) {
  const auth = useAuth();
  // One client per session: signing out drops every cached CV with it.
  const client = useMemo(() => createApolloClient(auth, apiUrl), [auth, apiUrl]);
  useEffect(() => () => void client.clearStore(), [client]);
  return (
    <ApolloProvider client={client}>
      <BrowserRouter>
        <AppShell>
          <Suspense fallback={<LoadingState>Opening the editor…</LoadingState>}>
            <Routes>
              <Route path="/" element={<CvListPage />} />
              <Route path="/cv/:cvId/*" element={<EditorPage />} />
              <Route path="/account" element={<AccountPage authMode={authMode} />} />
              <Route path="/applications" element={<ApplicationsPage />} />
              <Route path="*" element={<CvListPage />} />
            </Routes>
          </Suspense>
        </AppShell>
      </BrowserRouter>
    </ApolloProvider>
  );
}
