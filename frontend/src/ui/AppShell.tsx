import type { ReactNode } from "react";
import { Link } from "react-router";
import { useAuth } from "../auth/AuthContext";
import { Logo } from "./Logo";

export function AppShell({ children }: { children: ReactNode }) {
  const auth = useAuth();
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <Link to="/" className="topbar__home" aria-label="CV Maker: your CVs">
          <Logo />
        </Link>
        <nav className="topbar__nav" aria-label="Account">
          {auth.email && <span className="topbar__user muted">{auth.email}</span>}
          <button type="button" className="button button--ghost" onClick={() => void auth.signOut()}>
            Sign out
          </button>
        </nav>
      </header>
      <main id="main" className="shell__main" tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}
