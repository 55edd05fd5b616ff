"use client";

import dynamic from "next/dynamic";

// recharts is loaded only on pages that draw a waterfall, after the figures and table have rendered.
export const LazyWaterfallChart = dynamic(() => import("./waterfall-chart"), {
  ssr: false,
  loading: () => <p className="muted">Loading the chart…</p>,
});
