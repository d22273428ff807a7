import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";

const api = process.env.CVMAKER_API ?? "http://127.0.0.1:8000";

export default defineConfig({
  plugins: [react()],
  server: {
    proxy: { "/config.json": api, "/graphql": api, "/auth": api, "/files": api, "/uploads": api },
  },
  build: {
    target: "es2022",
    sourcemap: false,
    chunkSizeWarningLimit: 600,
  },
  test: {
    environment: "jsdom",
    setupFiles: ["./src/test/setup.ts"],
    css: false,
    include: ["src/**/*.test.{ts,tsx}"],
  },
});
