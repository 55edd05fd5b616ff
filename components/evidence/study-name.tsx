import Link from "next/link";
import { IDENTIFICATION_PROBABLE } from "@/lib/evidence/describe-study";
import { studyTitle } from "./study-title";

/** A study's title, linked to its page when `href` is given, with the label "identification probable" where it applies. */
export function StudyName({ study, href }: { study: { shortName: string; identificationProbable: boolean }; href?: string }) {
  const title = studyTitle(study.shortName);
  return (
    <>
      {href ? <Link href={href}>{title}</Link> : title}
      {study.identificationProbable && (
        <>
          {" "}
          <ProbableIdentificationLabel />
        </>
      )}
    </>
  );
}

export function ProbableIdentificationLabel() {
  return (
    <span className="unverified" title="The evidence file is not certain which publication this is.">
      ({IDENTIFICATION_PROBABLE})
    </span>
  );
}
