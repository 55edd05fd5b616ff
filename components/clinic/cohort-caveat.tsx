/** What a clinic cohort beside a trial can and cannot say; shown with every panel's figures. */
export function CohortCaveat({ studyName }: { studyName: string }) {
  return (
    <div className="card" role="note">
      <p>
        <strong>What this comparison can and cannot say.</strong> These patients are an uncontrolled clinic cohort, not a trial arm. They
        were not randomised and there is no placebo group here, so the clinic&apos;s change mixes the drug&apos;s effect with the natural
        course of the condition, regression to the mean (people often start treatment when symptoms are at their worst) and placebo
        response. Who was prescribed, who kept coming back and who was measured at the time point differ from who {studyName} enrolled and
        followed. The figures can show whether the clinic&apos;s results look broadly like the trial&apos;s; they cannot show that the drug
        works, or works better or worse here than in the trial.
      </p>
    </div>
  );
}
