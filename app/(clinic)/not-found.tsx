import Link from "next/link";

// Inside the clinic layout (its header and <main> stay); see app/not-found.tsx for why this file exists.
export default function ClinicNotFound() {
  return (
    <>
      <title>Not found · Yardstick</title>
      <h1>Not found</h1>
      <p>
        <Link href="/patients">Back to the patient list</Link>
      </p>
    </>
  );
}
