import { ApolloProvider } from "@apollo/client/react";
import { lazy, Suspense, useEffect, useMemo } from "react";
import { BrowserRouter, Route, Routes } from "react-router";
import { createApolloClient } from "./apollo/client";
import { useAuth } from "./auth/AuthContext";
import { LocalAuthGate } from "./auth/LocalAuthGate";
import { config } from "./config";
import { CvListPage } from "./features/cvs/CvListPage";
import { AppShell } from "./ui/AppShell";
import { LoadingState } from "./ui/States";
import { ToastProvider } from "./ui/Toasts";

const EditorPage = lazy(() => import("./features/editor/EditorPage"));
const CognitoAuthGate = lazy(() => import("./auth/CognitoAuthGate"));

export function App() {
  const signedInApp = <SignedInApp />;
  return (
    <ToastProvider>
      {config.cognito ? (
        <Suspense fallback={<LoadingState>Loading sign-in…</LoadingState>}>
          <CognitoAuthGate cognito={config.cognito}>{signedInApp}</CognitoAuthGate>
        </Suspense>
      ) : (
        <LocalAuthGate apiUrl={config.apiUrl}>{signedInApp}</LocalAuthGate>
      )}
    </ToastProvider>
  );
}

function SignedInApp() {
  const auth = useAuth();
  // One client per session: signing out drops every cached CV with it.
  const client = useMemo(() => createApolloClient(auth, config.apiUrl), [auth]);
  useEffect(() => () => void client.clearStore(), [client]);
  return (
    <ApolloProvider client={client}>
      <BrowserRouter>
        <AppShell>
          <Suspense fallback={<LoadingState>Opening the editor…</LoadingState>}>
            <Routes>
              <Route path="/" element={<CvListPage />} />
              <Route path="/cv/:cvId/*" element={<EditorPage />} />
              <Route path="*" element={<CvListPage />} />
            </Routes>
          </Suspense>
        </AppShell>
      </BrowserRouter>
    </ApolloProvider>
  );
}
