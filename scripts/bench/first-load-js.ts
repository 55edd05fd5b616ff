// First-load JavaScript per page route of the production build, gzip-compressed, from the build's own
// manifests (Next.js 16 prints no sizes after `next build` any more):
//   - .next/app-path-routes-manifest.json maps each app entry ("/(clinic)/patients/[id]/page") to its URL;
//   - .next/build-manifest.json `rootMainFiles`: the runtime every page loads (React, the router);
//   - .next/server/app/<entry>_client-reference-manifest.js `entryJSFiles`: the chunks of each client
//     entry on that route (root and nested layouts, error boundaries, the page), which the HTML
//     references as <script> tags before hydration.
// The route's first load is the union of those files; each file counts once, gzip level 9 (as
// Next.js's own size report did). Polyfills (nomodule, not loaded by current browsers) and chunks
// loaded later by next/dynamic or on navigation are not first-load.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { runInNewContext } from "node:vm";
import { gzipSync } from "node:zlib";

export type RouteJavaScript = { route: string; gzipBytes: number; files: number };

type RscManifest = { entryJSFiles?: Record<string, string[]> };

function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(file, "utf8")) as T;
}

/** The entry's client chunks, read by running the manifest file (it assigns globalThis.__RSC_MANIFEST) in a sandbox. */
function entryChunks(buildDir: string, entry: string): string[] {
  const file = path.join(buildDir, "server/app", `${entry}_client-reference-manifest.js`);
  if (!existsSync(file)) return [];
  const sandbox: { globalThis?: unknown; self?: unknown; __RSC_MANIFEST?: Record<string, RscManifest> } = {};
  sandbox.globalThis = sandbox;
  sandbox.self = sandbox;
  runInNewContext(readFileSync(file, "utf8"), sandbox);
  const manifest = sandbox.__RSC_MANIFEST?.[entry];
  return Object.values(manifest?.entryJSFiles ?? {}).flat();
}

/** Every page route's first-load JavaScript, largest first. Route handlers (API) load no JavaScript. */
export function firstLoadJavaScript(buildDir = ".next"): RouteJavaScript[] {
  const routes = readJson<Record<string, string>>(path.join(buildDir, "app-path-routes-manifest.json"));
  const { rootMainFiles = [] } = readJson<{ rootMainFiles?: string[] }>(path.join(buildDir, "build-manifest.json"));
  const gzipSizes = new Map<string, number>();
  const gzipOf = (file: string) => {
    if (!gzipSizes.has(file)) gzipSizes.set(file, gzipSync(readFileSync(path.join(buildDir, file)), { level: 9 }).byteLength);
    return gzipSizes.get(file)!;
  };
  const result: RouteJavaScript[] = [];
  for (const [entry, route] of Object.entries(routes)) {
    if (!entry.endsWith("/page") || route.startsWith("/_")) continue;
    const files = new Set([...rootMainFiles, ...entryChunks(buildDir, entry)].filter((f) => f.endsWith(".js")));
    result.push({ route, files: files.size, gzipBytes: [...files].reduce((sum, f) => sum + gzipOf(f), 0) });
  }
  return result.sort((a, b) => b.gzipBytes - a.gzipBytes || a.route.localeCompare(b.route));
}

/**
 * The cross-check from the served page: the gzip size of every build chunk the HTML names (its
 * <script> tags and the chunks of client components in the inline RSC payload, which load before
 * hydration), less the polyfills (a `noModule` script current browsers skip). Files not in this build
 * are ignored. On Next.js 16.4 it equals the manifests' figure for the same route.
 */
export function javaScriptNamedByHtml(html: string, buildDir = ".next"): { gzipBytes: number; files: number } {
  const { polyfillFiles = [] } = readJson<{ polyfillFiles?: string[] }>(path.join(buildDir, "build-manifest.json"));
  const files = new Set<string>();
  for (const match of html.matchAll(/\/_next\/(static\/chunks\/[\w\-.~]+\.js)/g)) {
    if (!polyfillFiles.includes(match[1])) files.add(match[1]);
  }
  let gzipBytes = 0;
  let counted = 0;
  for (const file of files) {
    const full = path.join(buildDir, file);
    if (!existsSync(full)) continue;
    gzipBytes += gzipSync(readFileSync(full), { level: 9 }).byteLength;
    counted++;
  }
  return { gzipBytes, files: counted };
}
