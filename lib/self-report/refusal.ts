/**
 * The one answer to a link that cannot be used, whatever the reason (answered, expired, revoked, forged,
 * or too many requests from one address): the same words and the same status, so nothing is revealed.
 */
export const SELF_REPORT_REFUSAL =
  "This link cannot be used. Links work once and for a limited time. If you still need to answer, ask your clinic for a new link.";

/** The HTTP status of that answer (the page's not-found boundary). */
export const SELF_REPORT_REFUSAL_STATUS = 404;
