import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";

// House rule: client code imports server code only as types. A "use client" file (anywhere) and
// every file under lib/ (client-safe by definition) may `import type` from server/, nothing else:
// a runtime import would ship server code (and its secrets' readers) to the browser or fail there.
const SERVER_PATH = /^(@\/server(\/|$)|(\.\.?\/)+(\.\.\/)*server(\/|$)|server\/)/;
const boundary = {
  rules: {
    "server-imports-types-only": {
      meta: {
        type: "problem",
        schema: [{ type: "object", properties: { allFiles: { type: "boolean" } }, additionalProperties: false }],
        messages: { runtime: "Client code may import from server/ only with `import type` (move shared values to lib/): {{source}}" },
      },
      create(context) {
        const allFiles = context.options[0]?.allFiles === true;
        const first = context.sourceCode.ast.body[0];
        const isClient = first?.type === "ExpressionStatement" && first.directive === "use client";
        if (!allFiles && !isClient) return {};
        const check = (node, typeOnly) => {
          const source = node.source?.value;
          if (typeof source === "string" && SERVER_PATH.test(source) && !typeOnly) context.report({ node, messageId: "runtime", data: { source } });
        };
        return {
          ImportDeclaration: (n) => check(n, n.importKind === "type" || (n.specifiers.length > 0 && n.specifiers.every((s) => s.importKind === "type"))),
          ExportNamedDeclaration: (n) => n.source && check(n, n.exportKind === "type" || (n.specifiers.length > 0 && n.specifiers.every((s) => s.exportKind === "type"))),
          ExportAllDeclaration: (n) => check(n, n.exportKind === "type"),
          ImportExpression: (n) => n.source.type === "Literal" && check({ source: n.source, ...n }, false),
        };
      },
    },
  },
};

export default tseslint.config(
  { ignores: [".next/**", "node_modules/**", ".data/**", "next-env.d.ts", "playwright-report/**", "test-results/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.tsx"],
    plugins: { "react-hooks": reactHooks },
    rules: { "react-hooks/rules-of-hooks": "error", "react-hooks/exhaustive-deps": "warn" },
  },
  {
    // Plain CommonJS that Next loads by path at run time (server/cache/redis-cache-handler.cjs).
    files: ["**/*.cjs"],
    languageOptions: { sourceType: "commonjs", globals: { require: "readonly", module: "writable", process: "readonly", Buffer: "readonly" } },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/no-explicit-any": "warn",
    },
  },
  { files: ["app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}"], plugins: { boundary }, rules: { "boundary/server-imports-types-only": "error" } },
  { files: ["lib/**/*.{ts,tsx}"], plugins: { boundary }, rules: { "boundary/server-imports-types-only": ["error", { allFiles: true }] } },
);
