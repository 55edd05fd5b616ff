"use client";

/** Opens the browser's print dialog; the print stylesheet hides this button on paper. */
export function PrintButton() {
  return (
    <button type="button" className="no-print" onClick={() => window.print()}>
      Print
    </button>
  );
}
