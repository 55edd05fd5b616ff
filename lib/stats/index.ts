export { meanInterval, type SampleSummary } from "./mean-interval";
export { tQuantile975 } from "./t-quantile";
export { type Interval, wilsonInterval } from "./wilson";
