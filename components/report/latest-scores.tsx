import { formatProgressScore } from "@/lib/progress/describe";
import type { LatestScore } from "@/lib/report/latest-scores";

/** One sentence per instrument, so the latest figures read the same on screen, on paper and in a PDF's text. */
export function LatestScores({ scores }: { scores: LatestScore[] }) {
  if (scores.length === 0) return <p className="muted">No scores recorded yet.</p>;
  return (
    <ul>
      {scores.map((s) => (
        <li key={s.instrumentId}>
          Latest {s.instrumentName}: <strong>{formatProgressScore(s.instrumentId, s.total)}</strong>
          {s.max !== null && ` of ${s.max}`} on {s.takenOn}
        </li>
      ))}
    </ul>
  );
}
