import { useEffect, useState } from "react";
import { App } from "./App";
import { ConfigProblem, fetchConfig, type AppConfig } from "./config";
import { ErrorState, LoadingState } from "./ui/States";

type Loaded = { config: AppConfig } | { problem: string } | null;

/** Reads the deployment's settings (/config.json) before anything else, then renders the app with them. */
export function Startup({
  request: first,
  load = fetchConfig,
}: {
  request: Promise<AppConfig>;
  load?: () => Promise<AppConfig>;
}) {
  const [request, setRequest] = useState(first);
  const [loaded, setLoaded] = useState<Loaded>(null);
  useEffect(() => {
    let current = true;
    request.then(
      (config) => current && setLoaded({ config }),
      (failure: unknown) =>
        current &&
        setLoaded({
          problem: failure instanceof ConfigProblem ? failure.message : "The app's settings could not be read.",
        }),
    );
    return () => {
      current = false;
    };
  }, [request]);

  if (loaded === null) return <LoadingState>Starting CV Maker…</LoadingState>;
  if ("problem" in loaded)
    return (
      <main className="page">
        <ErrorState
          title="CV Maker could not start."
          onRetry={() => {
            setLoaded(null);
            setRequest(load());
          }}
        >
          {loaded.problem}
        </ErrorState>
      </main>
    );
  return <App config={loaded.config} />;
}
