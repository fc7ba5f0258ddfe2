// ESLint (flat config): typescript-eslint, React hooks, Next's rules, and the project's one-shape rules.
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";
import nextPlugin from "@next/eslint-plugin-next";
import globals from "globals";

/** Routers hand a scope to a use case; they never query the database themselves. */
const noPrismaInRouters = {
  files: ["src/server/api/routers/**/*.ts"],
  rules: {
    "no-restricted-syntax": [
      "error",
      {
        selector: "MemberExpression[property.name='db'][object.name='ctx']",
        message: "路由不得直接访问数据库：把查询放进 src/server/<area> 的用例，交给它 scope。",
      },
      {
        selector: "MemberExpression[property.name='db'][object.property.name='ctx']",
        message: "路由不得直接访问数据库：把查询放进 src/server/<area> 的用例，交给它 scope。",
      },
    ],
    "no-restricted-imports": [
      "error",
      {
        patterns: [
          {
            group: ["@/server/db", "@/server/db/*", "@/generated/prisma", "@/generated/prisma/*"],
            message: "路由不得直接使用 Prisma：调用 src/server/<area> 的用例。",
          },
        ],
      },
    ],
  },
};

export default tseslint.config(
  { ignores: [".next/**", "node_modules/**", "src/generated/**", "test-results/**", "playwright-report/**", ".data/**", "next-env.d.ts"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
      "@typescript-eslint/no-non-null-assertion": "off",
    },
  },
  {
    files: ["src/**/*.tsx", "src/**/*.ts"],
    plugins: { "react-hooks": reactHooks, "@next/next": nextPlugin },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...nextPlugin.configs.recommended.rules,
      ...nextPlugin.configs["core-web-vitals"].rules,
      // Photos, logos and captchas are private files behind the session check: next/image's optimizer must not fetch them.
      "@next/next/no-img-element": "off",
    },
  },
  noPrismaInRouters,
);
