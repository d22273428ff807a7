import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { ConfigProblem, type AppConfig } from "./config";
import { Startup } from "./Startup";

const local: AppConfig = { apiUrl: "", authMode: "local", cognito: null };

describe("Startup", () => {
  it("waits for the settings, then shows the sign-in they name", async () => {
    let settle: (config: AppConfig) => void = () => undefined;
    render(<Startup request={new Promise((resolve) => (settle = resolve))} />);
    expect(screen.getByText("Starting CV Maker…")).toBeInTheDocument();
    settle(local);
    expect(await screen.findByRole("button", { name: "Sign in" })).toBeInTheDocument();
    expect(screen.getByLabelText("Email")).toBeInTheDocument();
  });

  it("says why it cannot start, and tries again when asked", async () => {
    const failed = Promise.reject(new ConfigProblem("The app's settings (/config.json) answered 503."));
    render(<Startup request={failed} load={async () => local} />);
    expect(await screen.findByText("CV Maker could not start.")).toBeInTheDocument();
    expect(screen.getByText(/answered 503/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "Try again" }));
    expect(await screen.findByRole("button", { name: "Sign in" })).toBeInTheDocument();
  });
});
