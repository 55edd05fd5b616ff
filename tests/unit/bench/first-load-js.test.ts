import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { firstLoadJavaScript, javaScriptNamedByHtml } from "@/scripts/bench/first-load-js";

// A hand-made build folder in the layout of Next.js 16.4's manifests: the figure is the gzip size of
// the runtime plus every chunk of the route's client entries, each file counted once, no polyfills.

let dir: string;
const chunk = (name: string, size: number) => {
  // Random-looking content so gzip cannot shrink it to nothing; sizes differ per file.
  const text = Array.from({ length: size }, (_, i) => String.fromCharCode(33 + ((i * 7919 + name.length * 31) % 90))).join("");
  writeFileSync(path.join(dir, "static/chunks", name), text);
  return gzipSync(text, { level: 9 }).byteLength;
};
const sizes: Record<string, number> = {};

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "yardstick-flj-"));
  mkdirSync(path.join(dir, "static/chunks"), { recursive: true });
  mkdirSync(path.join(dir, "server/app/(clinic)/patients/[id]"), { recursive: true });
  for (const [name, size] of Object.entries({
    "runtime.js": 4000,
    "polyfill.js": 3000,
    "layout.js": 2000,
    "chart.js": 5000,
    "page.js": 1000,
  })) {
    sizes[name] = chunk(name, size);
  }
  writeFileSync(
    path.join(dir, "build-manifest.json"),
    JSON.stringify({ rootMainFiles: ["static/chunks/runtime.js"], polyfillFiles: ["static/chunks/polyfill.js"] }),
  );
  writeFileSync(
    path.join(dir, "app-path-routes-manifest.json"),
    JSON.stringify({ "/(clinic)/patients/[id]/page": "/patients/[id]", "/api/x/route": "/api/x", "/_not-found/page": "/_not-found" }),
  );
  const manifest = {
    entryJSFiles: {
      "[project]/app/layout": ["static/chunks/layout.js"],
      "[project]/app/(clinic)/patients/[id]/page": ["static/chunks/layout.js", "static/chunks/chart.js", "static/chunks/page.js"],
    },
  };
  writeFileSync(
    path.join(dir, "server/app/(clinic)/patients/[id]/page_client-reference-manifest.js"),
    `globalThis.__RSC_MANIFEST = globalThis.__RSC_MANIFEST || {};\nglobalThis.__RSC_MANIFEST["/(clinic)/patients/[id]/page"] = ${JSON.stringify(manifest)};`,
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("first-load JavaScript from the build manifests", () => {
  it("sums the runtime and the route's entry chunks once each, for page routes only", () => {
    const expected = sizes["runtime.js"] + sizes["layout.js"] + sizes["chart.js"] + sizes["page.js"];
    expect(firstLoadJavaScript(dir)).toEqual([{ route: "/patients/[id]", gzipBytes: expected, files: 4 }]);
  });

  it("agrees with the chunks the served HTML names, polyfills and unknown files left out", () => {
    const html = `<script src="/_next/static/chunks/runtime.js"></script><script src="/_next/static/chunks/polyfill.js" noModule></script>
      <script>self.__next_f.push([1,"2:I[123,[\\"/_next/static/chunks/layout.js\\",\\"/_next/static/chunks/chart.js\\",\\"/_next/static/chunks/page.js\\"]]"])</script>
      <script src="/_next/static/chunks/other-build.js"></script>`;
    expect(javaScriptNamedByHtml(html, dir)).toEqual({ gzipBytes: firstLoadJavaScript(dir)[0].gzipBytes, files: 4 });
  });
});
