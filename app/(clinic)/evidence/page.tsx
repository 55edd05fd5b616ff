import type { Metadata } from "next";
import { StudyListTable } from "@/components/evidence/study-list-table";
import { listStudies } from "@/lib/data/studies";
import { requirePageUser } from "@/lib/data/session";

export const metadata: Metadata = { title: "Evidence library" };

export default async function EvidencePage() {
  const user = await requirePageUser();
  const studies = await listStudies(user);
  return (
    <>
      <h1>Evidence library</h1>
      <p>
        The published studies a patient&apos;s response is compared with. Each figure was checked against the published abstract or trial
        registry; a figure that could not be checked reads &ldquo;not reported&rdquo;, and claims found only in the source material are
        marked unverified.
      </p>
      <StudyListTable studies={studies} />
    </>
  );
}
