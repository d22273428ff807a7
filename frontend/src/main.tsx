import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { fetchConfig } from "./config";
import { Startup } from "./Startup";
import "./styles.css";

// Asked for before React starts, so the settings are on their way while the script runs.
const settings = fetchConfig();

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <Startup request={settings} />
  </StrictMode>,
);
