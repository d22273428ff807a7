import type { ReactNode } from "react";

export function Spinner({ label = "Loading" }: { label?: string }) {
  return label ? (
    <span className="spinner" role="img" aria-label={label} />
  ) : (
    <span className="spinner" aria-hidden="true" />
  );
}

export function LoadingState({ children = "Loading…" }: { children?: ReactNode }) {
  return (
    <div className="state state--loading" role="status" aria-live="polite">
      <Spinner label="" />
      <p>{children}</p>
    </div>
  );
}

export function ErrorState({
  title,
  children,
  onRetry,
}: {
  title: string;
  children?: ReactNode;
  onRetry?: () => void;
}) {
  return (
    <div className="state state--error" role="alert">
      <p className="state__title">{title}</p>
      {children && <p>{children}</p>}
      {onRetry && (
        <button type="button" className="button" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}

export function EmptyState({ title, children, action }: { title: string; children?: ReactNode; action?: ReactNode }) {
  return (
    <div className="state state--empty">
      <p className="state__title">{title}</p>
      {children && <p>{children}</p>}
      {action}
    </div>
  );
}

/** Plain words for an Apollo or network error; never a stack trace. */
export function describeError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (/failed to fetch|networkerror|load failed/i.test(message)) {
    return "The server could not be reached. Check your connection and try again.";
  }
  if (/unexpected error/i.test(message)) return "Something went wrong on our side. Please try again.";
  return message || "Something went wrong. Please try again.";
}
