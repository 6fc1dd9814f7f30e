import { defineConfig } from "vite";
import vue from "@vitejs/plugin-vue";
import AutoImport from "unplugin-auto-import/vite";
import Components from "unplugin-vue-components/vite";
import { ElementPlusResolver } from "unplugin-vue-components/resolvers";
import { bundleReport } from "./bundle-report";

// Element Plus components and their styles are imported where a template uses them, so the first screen carries only
// what it shows; the ASP.NET Core app serves the output from wwwroot (index.html not cached, hashed assets cached long).
export default defineConfig({
  plugins: [
    vue(),
    AutoImport({ resolvers: [ElementPlusResolver()], dts: "src/auto-imports.d.ts" }),
    Components({ resolvers: [ElementPlusResolver()], dts: "src/components.d.ts" }),
    bundleReport(300),
  ],
  build: {
    outDir: "../wwwroot",
    emptyOutDir: true,
    reportCompressedSize: true,
    chunkSizeWarningLimit: 1200,
  },
  server: {
    proxy: { "/api": "http://localhost:5080" },
  },
});
