// A patient's recorded sex. Pure, so forms may import it.

export const SEXES = ["female", "male", "other", "unknown"] as const;

export type Sex = (typeof SEXES)[number];
