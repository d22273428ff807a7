import { useMutation, useQuery } from "@apollo/client/react";
import { useRef, useState, type FormEvent } from "react";
import { Dialog } from "../../ui/Dialog";
import { newIdempotencyKey } from "../../ui/idempotency";
import { describeError, Spinner } from "../../ui/States";
import { dailyRows, EXPIRY_CHOICES, expiryFrom, plural } from "./counts";
import {
  CreateShareLinkMutation,
  RevokeShareLinkMutation,
  ShareLinksQuery,
  UpdateShareLinkMutation,
} from "./operations";
import "./shares.css";

export type ShareTarget = { cvId: string; letterId?: never } | { letterId: string; cvId?: never };

/** Make public links to a CV (or a letter), copy them, see how often each was opened, revoke them. */
export function ShareDialog({ target, onClose }: { target: ShareTarget; onClose: () => void }) {
  const what = target.cvId ? "CV" : "letter";
  const variables = target.cvId ? { cvId: target.cvId } : { letterId: target.letterId };
  const links = useQuery(ShareLinksQuery, { variables, fetchPolicy: "cache-and-network" });
  const [create, creating] = useMutation(CreateShareLinkMutation);
  const [revoke, revoking] = useMutation(RevokeShareLinkMutation);
  const [update, updating] = useMutation(UpdateShareLinkMutation);
  const [password, setPassword] = useState("");
  const [expiry, setExpiry] = useState(0);
  const [showContacts, setShowContacts] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [passwordError, setPasswordError] = useState<string | null>(null);
  const [made, setMade] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (creating.loading) return;
    setError(null);
    setPasswordError(null);
    try {
      const { data } = await create({
        variables: {
          input: {
            ...variables,
            password: password ? password : null,
            expiresAt: expiryFrom(EXPIRY_CHOICES[expiry]?.days ?? null),
            showContacts,
          },
          idempotencyKey: newIdempotencyKey(),
        },
      });
      const result = data?.createShareLink;
      if (result?.__typename === "ShareLink") {
        setMade(result.id);
        setPassword("");
        await links.refetch();
        return;
      }
      if (result?.__typename === "ValidationError" && result.fields.some((f) => f.path.endsWith("password"))) {
        setPasswordError(result.fields.find((f) => f.path.endsWith("password"))?.message ?? result.message);
        return;
      }
      setError(result && "message" in result ? result.message : "The link could not be made. Please try again.");
    } catch (failure) {
      setError(describeError(failure));
    }
  }

  async function revokeLink(id: string) {
    setError(null);
    try {
      const { data } = await revoke({ variables: { id } });
      if (data?.revokeShareLink.__typename !== "ShareLink") {
        setError(data?.revokeShareLink.message ?? "The link could not be revoked.");
      }
      await links.refetch();
    } catch (failure) {
      setError(describeError(failure));
    }
  }

  async function change(id: string, input: { password?: null; showContacts?: boolean }) {
    setError(null);
    try {
      const { data } = await update({ variables: { id, input } });
      if (data?.updateShareLink.__typename !== "ShareLink") {
        setError(data?.updateShareLink.message ?? "The link could not be changed.");
      }
      await links.refetch();
    } catch (failure) {
      setError(describeError(failure));
    }
  }

  const list = links.data?.shareLinks ?? [];
  return (
    <Dialog open title={`Share this ${what}`} onClose={onClose} wide>
      <div className="shares">
        <form className="shares__form" onSubmit={(event) => void submit(event)} noValidate>
          <p className="muted">
            Anyone with the link sees the {what} as a page and can download its PDF, without signing in. Search engines
            are asked not to list it.
          </p>
          <div className="field">
            <label htmlFor="share-password">Password (optional)</label>
            <input
              id="share-password"
              type="password"
              autoComplete="new-password"
              value={password}
              onChange={(event) => setPassword(event.target.value)}
              aria-invalid={passwordError ? true : undefined}
              aria-describedby={passwordError ? "share-password-error" : undefined}
            />
            {passwordError && (
              <small id="share-password-error" className="field__error" role="alert">
                {passwordError}
              </small>
            )}
          </div>
          <div className="field">
            <label htmlFor="share-expiry">Link stops working</label>
            <select id="share-expiry" value={expiry} onChange={(event) => setExpiry(Number(event.target.value))}>
              {EXPIRY_CHOICES.map((choice, index) => (
                <option key={choice.label} value={index}>
                  {choice.label}
                </option>
              ))}
            </select>
          </div>
          <label className="shares__check">
            <input type="checkbox" checked={showContacts} onChange={(event) => setShowContacts(event.target.checked)} />
            Show my email, phone, location and links on the page and in link previews
          </label>
          {error && (
            <p className="form-error" role="alert">
              {error}
            </p>
          )}
          <button type="submit" className="button button--primary shares__create" disabled={creating.loading}>
            {creating.loading && <Spinner label="" />}
            {creating.loading ? "Making the link…" : "Create link"}
          </button>
        </form>
        <section aria-labelledby="share-links-heading">
          <h3 id="share-links-heading">Links</h3>
          {links.loading && !links.data && <p className="muted">Loading links…</p>}
          {links.error && !links.data && <p className="form-error">{describeError(links.error)}</p>}
          {links.data && list.length === 0 && <p className="muted">No links yet.</p>}
          <ul className="shares__list">
            {list.map((link) => (
              <li key={link.id} className={link.active ? "share" : "share share--inactive"}>
                <LinkRow url={link.url} fresh={link.id === made} active={link.active} />
                <p className="share__facts">
                  {link.revoked ? "Revoked" : link.active ? "Active" : "Expired"}
                  {link.hasPassword && " · password"}
                  {link.expiresAt && ` · until ${new Date(link.expiresAt).toLocaleString()}`}
                  {link.showContacts && " · contacts shown"}
                </p>
                <p className="share__counts">
                  {plural(link.totalViews, "view", "views")} · {plural(link.totalDownloads, "download", "downloads")}
                </p>
                {(link.views.length > 0 || link.downloads.length > 0) && (
                  <details className="share__days">
                    <summary>Per day</summary>
                    <table>
                      <caption className="visually-hidden">Views and downloads per day (UTC)</caption>
                      <thead>
                        <tr>
                          <th scope="col">Day (UTC)</th>
                          <th scope="col">Views</th>
                          <th scope="col">Downloads</th>
                        </tr>
                      </thead>
                      <tbody>
                        {dailyRows(link.views, link.downloads).map((row) => (
                          <tr key={row.day}>
                            <th scope="row">{row.day}</th>
                            <td>{row.views}</td>
                            <td>{row.downloads}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </details>
                )}
                {!link.revoked && (
                  <div className="share__actions">
                    <button
                      type="button"
                      className="button"
                      aria-pressed={link.showContacts}
                      disabled={updating.loading}
                      onClick={() => void change(link.id, { showContacts: !link.showContacts })}
                    >
                      Show contacts
                    </button>
                    {link.hasPassword && (
                      <button
                        type="button"
                        className="button"
                        disabled={updating.loading}
                        onClick={() => void change(link.id, { password: null })}
                      >
                        Remove password
                      </button>
                    )}
                    <button
                      type="button"
                      className="button button--danger-ghost"
                      disabled={revoking.loading}
                      onClick={() => void revokeLink(link.id)}
                      aria-label={`Revoke the link ending ${link.url.slice(-6)}`}
                    >
                      Revoke
                    </button>
                  </div>
                )}
              </li>
            ))}
          </ul>
        </section>
      </div>
    </Dialog>
  );
}

/** The link's address, selectable, with a Copy button that says when it has copied. */
function LinkRow({ url, fresh, active }: { url: string; fresh: boolean; active: boolean }) {
  const [copied, setCopied] = useState<"yes" | "failed" | null>(null);
  const input = useRef<HTMLInputElement>(null);
  async function copy() {
    try {
      await navigator.clipboard.writeText(url);
      setCopied("yes");
    } catch {
      input.current?.select();
      setCopied("failed");
    }
  }
  const label = fresh ? "New link" : "Link";
  return (
    <div className="share__url">
      <label className="visually-hidden" htmlFor={`share-url-${url.slice(-12)}`}>
        {label}
      </label>
      <input
        ref={input}
        id={`share-url-${url.slice(-12)}`}
        readOnly
        value={url}
        onFocus={(event) => event.target.select()}
        disabled={!active}
      />
      {active && (
        <button type="button" className="button" onClick={() => void copy()}>
          {copied === "yes" ? "Copied" : "Copy link"}
        </button>
      )}
      <span className="visually-hidden" role="status">
        {copied === "yes" ? "Link copied to the clipboard." : copied === "failed" ? "Select the link and copy it." : ""}
      </span>
    </div>
  );
}
