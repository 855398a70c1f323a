import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin } from "vite";

/**
 * The built page may load only from its own origin. The policy is added at build time only:
 * the dev server injects an inline React Refresh preamble that a strict policy would block.
 * img-src allows data:/blob: because ECharts' saveAsImage hands the chart over as a data URL.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join("; ");

function contentSecurityPolicy(): Plugin {
  return {
    name: "govreport-csp",
    apply: "build",
    transformIndexHtml: {
      order: "post",
      handler: () => [
        {
          tag: "meta",
          attrs: { "http-equiv": "Content-Security-Policy", content: CONTENT_SECURITY_POLICY },
          injectTo: "head-prepend",
        },
      ],
    },
  };
}

export default defineConfig({
  plugins: [react(), contentSecurityPolicy()],
  build: {
    manifest: true,
    target: "es2022",
    // One chunk per library the first view does not need keeps the initial download small.
    chunkSizeWarningLimit: 700,
    rolldownOptions: {
      // Keep ES module execution order across chunks: src/zod-jitless.ts must run before the
      // schema module builds its zod schemas, even when the two land in different chunks.
      output: {
        strictExecutionOrder: true,
        // Name the charting library's chunk for what it is (it loads with the first chart).
        codeSplitting: { groups: [{ name: "echarts", test: /[\\/]node_modules[\\/].*(echarts|zrender)[\\/]/ }] },
      },
    },
  },
  preview: { host: "127.0.0.1" },
});
