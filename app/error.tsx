"use client";

// Shown when a page fails to render on the server or in the browser. It says nothing about the
// failure itself (the server log has it, without patient data) and offers a retry.
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main id="main">
      <h1>Something went wrong</h1>
      <p>This page could not be shown. Nothing you entered was saved half-way: every change is saved whole or not at all.</p>
      <p>
        <button type="button" onClick={() => reset()}>
          Try again
        </button>{" "}
        <a href="/patients">Back to the patient list</a>
      </p>
    </main>
  );
}
