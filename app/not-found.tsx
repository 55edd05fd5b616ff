import Link from "next/link";

// Without a not-found file of our own, Next.js writes its default 404 page into every page's RSC payload,
// once per layout (about 2 kB of the patient page, issue 12). Says nothing about why: another team's
// patient is "not found" like a mistyped address.
export default function NotFound() {
  return (
    <main id="main">
      <title>Not found · Yardstick</title>
      <h1>Not found</h1>
      <p>
        <Link href="/patients">Back to the patient list</Link>
      </p>
    </main>
  );
}
