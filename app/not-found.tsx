// Without a not-found file of our own, Next.js writes its default 404 page into every page's RSC payload,
// once per layout (about 2 kB of the patient page, issue 12). Says nothing about why: another team's
// patient is "not found" like a mistyped address. A plain <a>, not next/link: the root layout loads no
// client component, and a Link here added next/link's chunk to every route's first-load JavaScript.
export default function NotFound() {
  return (
    <main id="main">
      <title>Not found · Yardstick</title>
      <h1>Not found</h1>
      <p>
        <a href="/patients">Back to the patient list</a>
      </p>
    </main>
  );
}
