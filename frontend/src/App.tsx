import { lazy, Suspense, useEffect } from "react";
import { LocalAuthGate } from "./auth/LocalAuthGate";
import type { AppConfig } from "./config";
import { LoadingState } from "./ui/States";
import { ToastProvider } from "./ui/Toasts";

const loadSignedInApp = () => import("./SignedInApp");
const SignedInApp = lazy(loadSignedInApp);
// Amplify and its stylesheet are loaded only in the cloud shape.
const CognitoAuthGate = lazy(() => import("./auth/CognitoAuthGate"));

export function App({ config }: { config: AppConfig }) {
  useEffect(() => {
    // The app behind sign-in downloads while the person types their password.
    void loadSignedInApp();
  }, []);
  const signedInApp = (
    <Suspense fallback={<LoadingState>Opening CV Maker…</LoadingState>}>
      <SignedInApp apiUrl={config.apiUrl} authMode={config.authMode} />
    </Suspense>
  );
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
