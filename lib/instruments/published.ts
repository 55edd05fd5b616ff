// Published thresholds shared by several instruments, copied from /work/shared/evidence/instruments.json.
// Each value sits beside the source string the file gives for it.

export const IMMPACT_SOURCE =
  "Dworkin RH, Turk DC, Wyrwich KW, et al. Interpreting the clinical importance of treatment outcomes in chronic pain clinical trials: IMMPACT recommendations. J Pain. 2008;9(2):105-121. doi:10.1016/j.jpain.2007.09.005";
export const IMMPACT_CITATION = "IMMPACT (Dworkin et al. J Pain 2008)";

/** Percent reduction from baseline (pain_nrs_0_10.thresholds). */
export const IMMPACT_PCT_REDUCTION = {
  minimallyImportant: [10, 20] as const,
  moderatelyImportant: 30,
  substantial: 50,
  source: IMMPACT_SOURCE,
};

const FIQ_MCID_SOURCE =
  "Bennett RM, Bushmakin AG, Cappelleri JC, et al. Minimal clinically important difference in the fibromyalgia impact questionnaire. J Rheumatol. 2009;36:1304-1311.";
export const FIQ_MCID_CITATION = "FIQ MCID (Bennett et al. J Rheumatol 2009;36:1304-1311)";

/** Percent reduction of the original FIQ total (fiqr.mcid / fiq.mcid). */
export const FIQ_MCID = {
  pctReduction: 14.1,
  appliesTo: "original FIQ total (pooled from three pregabalin RCTs, 2228 patients, 3 months)",
  note: "Commonly carried over to the FIQR; label it as the FIQ's MCID when applied to FIQR.",
  source: FIQ_MCID_SOURCE,
};
