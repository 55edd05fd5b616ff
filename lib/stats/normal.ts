/** The standard normal's 97.5th percentile: the z of a two-sided 95% interval. */
export const Z_975 = 1.959963984540054;
