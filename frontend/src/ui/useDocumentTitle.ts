import { useEffect } from "react";

/** The browser tab's title, which screen readers also announce on navigation. */
export function useDocumentTitle(title: string): void {
  useEffect(() => {
    document.title = title ? `${title} · CV Maker` : "CV Maker";
  }, [title]);
}
