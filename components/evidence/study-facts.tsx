import { armLabel } from "@/lib/comparison";
import { formatFigure, isVerified, NOT_REPORTED, shownEvidenceLevel, studySize, type Study } from "@/lib/evidence";
import { fieldLabel, formatValue } from "./figures";

// Study fields shown in their own sections of the study page (outcomes, responders, citation, notes).
const SECTION_FIELDS = new Set([
  "id",
  "citation",
  "doi",
  "pmid",
  "registry",
  "outcomes",
  "responders",
  "adverse_events",
  "caveats",
  "secondary",
  "predictor",
  "seed_discrepancy",
  "summary",
  "verification",
  "eligibility",
]);

const FACT_LABELS: Record<string, string> = {
  drug: "Drug",
  condition: "Condition",
  population: "Population",
  design: "Design",
  dose: "Dose",
  comparator: "Comparator",
  n_total: "Participants (n)",
  n_per_arm: "Participants per arm",
  lost_to_follow_up: "Lost to follow-up",
  duration_weeks: "Duration (weeks)",
  assessments: "Assessments",
  evidence_level: "Evidence level",
};

// Counts and durations of a study found only in the source material are part of its unverified claim.
const CLAIMED_FIGURES = new Set(["n_total", "n_per_arm", "lost_to_follow_up", "duration_weeks"]);
const UNVERIFIED_FIGURE = "unverified claim (no figure shown)";

function factValue(study: Study, key: string): string {
  if (!isVerified(study) && CLAIMED_FIGURES.has(key)) return UNVERIFIED_FIGURE;
  if (key === "evidence_level") return shownEvidenceLevel(study);
  const value = (study as Record<string, unknown>)[key];
  if (key === "n_per_arm" && study.n_per_arm) {
    return Object.entries(study.n_per_arm)
      .map(([arm, n]) => `${armLabel(study, arm)} ${formatFigure(n)}`)
      .join(", ");
  }
  return formatValue(value);
}

/** The study's descriptive fields; extra fields of the evidence file (e.g. fayed-2014's "other") are listed too. */
export function StudyFacts({ study }: { study: Study }) {
  const present = Object.keys(study).filter((key) => !SECTION_FIELDS.has(key));
  const ordered = [...Object.keys(FACT_LABELS).filter((key) => present.includes(key)), ...present.filter((key) => !(key in FACT_LABELS))];
  const size = studySize(study);
  return (
    <dl className="item-grid">
      {ordered.map((key) => (
        <div key={key}>
          <dt>
            <strong>{FACT_LABELS[key] ?? fieldLabel(key)}</strong>
          </dt>
          <dd style={{ margin: 0 }}>{factValue(study, key)}</dd>
        </div>
      ))}
      {!present.includes("n_total") && (
        <div>
          <dt>
            <strong>Participants (n)</strong>
          </dt>
          <dd style={{ margin: 0 }}>
            {!isVerified(study) ? UNVERIFIED_FIGURE : size === null ? NOT_REPORTED : `${formatFigure(size)} (sum of the arms)`}
          </dd>
        </div>
      )}
    </dl>
  );
}
