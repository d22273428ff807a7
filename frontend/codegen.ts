import type { CodegenConfig } from "@graphql-codegen/cli";

// Types come from the checked-in SDL, never from a live server; each fragment sits beside the component using it.
const config: CodegenConfig = {
  schema: "../schema/schema.graphql",
  documents: ["src/**/*.{ts,tsx}", "!src/gql/**/*"],
  ignoreNoDocuments: true,
  generates: {
    "./src/gql/": {
      preset: "client",
      presetConfig: { fragmentMasking: { unmaskFunctionName: "getFragmentData" } },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        skipTypename: false,
        scalars: { Date: "string", DateTime: "string", JSON: "unknown", ID: "string" },
      },
    },
    "./src/gql/possible-types.ts": { plugins: ["fragment-matcher"], config: { useExplicitTyping: true } },
  },
  silent: true,
};

export default config;
