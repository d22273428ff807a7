import { useEffect, useRef, type ReactNode } from "react";
import { Link, NavLink, useLocation } from "react-router";
import { useAuth } from "../auth/AuthContext";
import { Logo } from "./Logo";

export function AppShell({ children }: { children: ReactNode }) {
  const auth = useAuth();
  const main = useRef<HTMLElement>(null);
  const page = useLocation().pathname.split("/").slice(0, 3).join("/");
  const previousPage = useRef(page);
  useEffect(() => {
    // A new page (not a new tab of the same page) moves focus to its content, as a full page load would.
    if (page !== previousPage.current) main.current?.focus();
    previousPage.current = page;
  }, [page]);
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
          <NavLink to="/applications" className="button button--ghost">
            Applications
          </NavLink>
          <NavLink to="/account" className="button button--ghost">
            Account
          </NavLink>
          <button type="button" className="button button--ghost" onClick={() => void auth.signOut()}>
            Sign out
          </button>
        </nav>
      </header>
      <main id="main" ref={main} className="shell__main" tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}
