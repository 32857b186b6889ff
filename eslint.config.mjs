// ESLint flat config. Base: eslint-plugin-office-addins' recommended set
// (Office.js load/sync rules), widened to .tsx and with the rules that catch
// slow or broken Excel code raised to error. `npm run lint` = eslint src test.
import officeAddins from "eslint-plugin-office-addins";
import tseslint from "typescript-eslint";
import globals from "globals";

const ALL_CODE = ["**/*.{js,mjs,cjs,ts,tsx,mts,cts}"];
const TS_CODE = ["**/*.{ts,tsx,mts,cts}"];

// Code that talks to Office.js. Elsewhere (engine, ExcelJS host, CLI) objects
// also have .load/.getCell/.values, and the Office.js rules misfire on them.
const OFFICE_JS_CODE = ["src/excel/**", "src/taskpane/**", "src/commands/**", "test/excel/**"];

const officeGlobals = { Excel: "readonly", Office: "readonly", OfficeExtension: "readonly", console: "readonly" };

// The plugin's recommended config lints only .js/.ts and brings its own older
// copy of typescript-eslint; use ours (it understands TypeScript 6) and cover .tsx.
const officeRecommended = officeAddins.configs.recommended.map((config) =>
  config.plugins?.["office-addins"]
    ? {
        ...config,
        files: ALL_CODE,
        plugins: { ...config.plugins, "@typescript-eslint": tseslint.plugin },
        languageOptions: { ...config.languageOptions, parser: tseslint.parser, ecmaVersion: "latest" },
      }
    : config,
);

// eslint-plugin-react as the office-addins plugin ships it (its "react" config starts with it).
const reactRecommended = officeAddins.configs.react[0];

export default [
  { ignores: ["dist/", "node_modules/", "coverage/", "out/", "test-output/", "bench/out/"] },

  ...officeRecommended,
  // Non-type-checked typescript-eslint rules; also turns off core rules TS already covers (no-undef).
  ...tseslint.configs.recommended.map((config) => ({ ...config, files: config.files ?? TS_CODE })),

  {
    files: ALL_CODE,
    languageOptions: { globals: officeGlobals },
    rules: {
      // Formatting is not lint's job here: there is no shared Prettier setup.
      "prettier/prettier": "off",
      // Office.js: a sync per loop turn is the slow pattern the bars forbid.
      "office-addins/no-context-sync-in-loop": "error",
      "office-addins/call-sync-before-read": "error",
      "office-addins/call-sync-after-load": "error",
      "@typescript-eslint/no-explicit-any": "warn",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
      "no-eval": "error",
      "no-implied-eval": "error",
      "no-new-func": "error",
    },
  },

  {
    files: ALL_CODE,
    ignores: OFFICE_JS_CODE,
    rules: Object.fromEntries(Object.keys(officeAddins.rules).map((rule) => [`office-addins/${rule}`, "off"])),
  },

  // The engine is pure and typed: no any at all.
  {
    files: ["src/engine/**/*.{ts,tsx}"],
    rules: { "@typescript-eslint/no-explicit-any": "error" },
  },

  // Browser code (pane, commands, hosts).
  {
    files: ["src/**/*.{ts,tsx,js}"],
    ignores: ["src/engine/**", "src/cli/**", "src/xlsx/**"],
    languageOptions: { globals: { ...globals.browser, ...officeGlobals } },
  },

  // Node code: CLI, ExcelJS host, scripts, configs, benchmarks.
  {
    files: ["src/cli/**", "src/xlsx/**", "scripts/**", "bench/**", "samples/**", "bin/**", "*.config.{js,mjs,cjs}"],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ["scripts/**/*.js", "bench/**/*.js", "samples/**/*.js", "bin/**/*.js", "*.config.js"],
    languageOptions: { sourceType: "commonjs" },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },

  // React components: no dangerouslySetInnerHTML (a security bar), new JSX runtime.
  {
    ...reactRecommended,
    files: ["src/**/*.tsx", "test/**/*.tsx"],
    settings: { react: { version: "detect" } },
    rules: {
      ...reactRecommended.rules,
      "react/react-in-jsx-scope": "off",
      "react/jsx-uses-react": "off",
      "react/prop-types": "off", // TypeScript checks props
      "react/no-danger": "error",
    },
  },

  // Tests: jest and node globals.
  {
    files: ["test/**"],
    languageOptions: { globals: { ...globals.node, ...globals.jest } },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
];
