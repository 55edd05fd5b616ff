"use client";

import { useId, useState, useSyncExternalStore } from "react";

const neverChanges = () => () => {};
const browserOrigin = () => window.location.origin;
const noOriginOnServer = () => "";

/**
 * A new link's full URL, shown once, with a copy button. The origin is the one the clinician is using,
 * read during render so the field never shows a bare path that a quick copy would pick up.
 */
export function LinkUrl({ token, note }: { token: string; note: string }) {
  const origin = useSyncExternalStore(neverChanges, browserOrigin, noOriginOnServer);
  const [copied, setCopied] = useState(false);
  const id = useId();
  const url = `${origin}/r/${token}`;
  return (
    <div className="notice stack" role="status">
      <label htmlFor={id}>Link for the patient (shown only now: copy it before leaving this page)</label>
      <input id={id} readOnly value={url} onFocus={(event) => event.currentTarget.select()} data-testid="self-report-url" />
      <p className="hint">{note}</p>
      <button
        type="button"
        className="secondary"
        onClick={async () => {
          await navigator.clipboard?.writeText(url).catch(() => {});
          setCopied(true);
        }}
      >
        {copied ? "Copied" : "Copy link"}
      </button>
    </div>
  );
}
