import Link from "next/link";
import { REASON_LABELS, WORKLIST_REASONS, type WorklistReason } from "@/lib/domain/worklist-reasons";

/** One link per reason with its count; the link keeps the other filters and picks that reason. */
export function ReasonCounts({ counts, hrefFor }: { counts: Record<WorklistReason, number>; hrefFor: (reason: WorklistReason) => string }) {
  return (
    <ul className="reason-counts" aria-label="Items per reason">
      {WORKLIST_REASONS.map((reason) => (
        <li key={reason}>
          <Link href={hrefFor(reason)} className="card">
            <strong>{counts[reason]}</strong> {REASON_LABELS[reason]}
          </Link>
        </li>
      ))}
    </ul>
  );
}
