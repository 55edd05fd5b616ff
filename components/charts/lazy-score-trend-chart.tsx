"use client";

import dynamic from "next/dynamic";

// recharts is fetched only on pages that draw a trend, after the page's figures and tables have rendered:
// it stays out of every route's first-load JavaScript. The table beneath each chart carries the same figures.
export const LazyScoreTrendChart = dynamic(() => import("./score-trend-chart").then((m) => m.ScoreTrendChart), {
  ssr: false,
  loading: () => <p className="muted">Loading the chart…</p>,
});
