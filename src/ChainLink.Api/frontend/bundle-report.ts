import { gzipSync } from "node:zlib";
import type { Plugin } from "vite";

interface Chunk { type: "chunk"; fileName: string; code: string; imports: string[]; dynamicImports: string[]; facadeModuleId: string | null; isEntry: boolean }

/**
 * Prints, after the build, the gzipped script each route loads on its first screen (the entry, the layout for signed-in
 * pages, the route's own chunk, and everything they import statically), and fails the build when a page passes the
 * budget. What a page imports on demand (the chart pages' ECharts, about 170 KB gzipped) is printed beside it.
 */
export function bundleReport(budgetKb: number): Plugin {
  let lines: [string, number, number][] = [];
  return {
    name: "chainlink-bundle-report",
    apply: "build",
    writeBundle(_options, bundle) {
      const chunks = new Map(Object.values(bundle).filter((c): c is never => c.type === "chunk").map((c: Chunk) => [c.fileName, c]));
      const gz = new Map([...chunks].map(([name, c]) => [name, gzipSync(c.code).length / 1024]));
      const closure = (start: string[], seen = new Set<string>()) => {
        for (const name of start) {
          if (seen.has(name)) continue;
          seen.add(name);
          closure(chunks.get(name)?.imports ?? [], seen);
        }
        return seen;
      };
      const byModule = (pattern: RegExp) => [...chunks.values()].find(c => c.facadeModuleId && pattern.test(c.facadeModuleId));
      const entry = [...chunks.values()].filter(c => c.isEntry).map(c => c.fileName);
      const layout = byModule(/AppLayout\.vue$/)?.fileName;
      lines = [];
      for (const c of chunks.values()) {
        const view = /\/views\/(.+)\.vue$/.exec(c.facadeModuleId ?? "")?.[1];
        if (!view) continue;
        const outside = /^(LoginView|NotFoundView)$/.test(view);
        const files = closure([...entry, ...(outside || !layout ? [] : [layout]), c.fileName]);
        const later = [...closure(c.dynamicImports)].filter(f => !files.has(f) && !/\/views\//.test(chunks.get(f)?.facadeModuleId ?? ""));
        const size = (names: Iterable<string>) => [...names].reduce((n, f) => n + (gz.get(f) ?? 0), 0);
        lines.push([view, size(files), size(later)]);
      }
      lines.sort((a, b) => a[0].localeCompare(b[0]));
    },
    // After Vite's own list of files, so the totals close the build output.
    closeBundle() {
      console.log(`\nFirst screen per route, gzipped script (budget ${budgetKb} KB):`);
      for (const [view, kb, later] of lines) console.log(`  ${view.padEnd(32)} ${kb.toFixed(1).padStart(7)} KB${later ? `, then ${later.toFixed(1)} KB on demand` : ""}`);
      const over = lines.filter(([, kb]) => kb > budgetKb);
      if (over.length) throw new Error(`Over the ${budgetKb} KB budget of gzipped script: ${over.map(([v, kb]) => `${v} ${kb.toFixed(1)} KB`).join(", ")}.`);
    },
  };
}
