import { isVerified, type Study } from "@/lib/evidence";

/** "Unverified" in the warning style for claims found only in the source material; otherwise how far the figures were checked. */
export function VerificationStatus({ study }: { study: Pick<Study, "verification"> }) {
  if (!isVerified(study)) {
    return (
      <>
        <span className="unverified">Unverified</span> <span className="muted">(source material only; no publication found)</span>
      </>
    );
  }
  return <>{`Checked against the ${study.verification}`}</>;
}
