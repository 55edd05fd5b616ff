// The conditions a patient form offers as checkboxes (others are typed in). Pure, so forms may import it
// without pulling the validation library into the browser.
export const KNOWN_CONDITIONS = ["fibromyalgia", "ME/CFS", "restless legs syndrome", "neuropathic pain", "chronic pain"] as const;
