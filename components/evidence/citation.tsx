import { doiUrl, isIdentificationProbable, NOT_REPORTED, type Study } from "@/lib/evidence";
import { ProbableIdentificationLabel } from "./study-name";

const NCT_ID = /^NCT\d{8}$/;
const PMID = /^\d+$/;

/** The full citation with its DOI link, and the PubMed and trial-registry records where the file gives them. */
export function Citation({ study }: { study: Study }) {
  const doiLink = doiUrl(study.doi);
  const has = (key: string) => Object.hasOwn(study, key);
  return (
    <>
      <p>
        {isIdentificationProbable(study) && (
          <>
            <ProbableIdentificationLabel />{" "}
          </>
        )}
        {study.citation}
      </p>
      <ul>
        <li>
          DOI:{" "}
          {doiLink ? (
            <a href={doiLink} rel="noreferrer">
              {study.doi}
            </a>
          ) : (
            NOT_REPORTED
          )}
        </li>
        {has("pmid") && (
          <li>
            PMID:{" "}
            {study.pmid && PMID.test(study.pmid) ? (
              <a href={`https://pubmed.ncbi.nlm.nih.gov/${study.pmid}/`} rel="noreferrer">
                {study.pmid}
              </a>
            ) : (
              (study.pmid ?? NOT_REPORTED)
            )}
          </li>
        )}
        {has("registry") && (
          <li>
            Trial registry:{" "}
            {study.registry && NCT_ID.test(study.registry) ? (
              <a href={`https://clinicaltrials.gov/study/${study.registry}`} rel="noreferrer">
                {study.registry}
              </a>
            ) : (
              (study.registry ?? NOT_REPORTED)
            )}
          </li>
        )}
      </ul>
    </>
  );
}
