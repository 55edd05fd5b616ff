import type { ReactNode } from "react";

/**
 * A table's own horizontal scroll box, so a wide table scrolls inside the page instead of the page
 * scrolling sideways on a phone. Focusable and named, so keyboard and screen-reader users can scroll it.
 */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must take focus to be scrolled by keyboard (WCAG 2.1.1).
    <section className="table-scroll" aria-label={label} tabIndex={0}>
      {children}
    </section>
  );
}
