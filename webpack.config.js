// Builds the add-in's web pages into dist/web/ (dist/ itself holds the CLI
// compiled by tsc, so the two never clean each other's files).
//   npx webpack --mode production      -> dist/web
//   npm run dev-server                 -> https://localhost:3000 (http if no dev certs)
"use strict";

const fs = require("fs");
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");

const PORT = 3000;
const OUT_DIR = path.resolve(__dirname, "dist", "web");
const PREVIEW_ENTRY = path.resolve(__dirname, "src", "taskpane", "preview.tsx");

/**
 * Entry chunks. The add-in runs in a shared runtime (manifest.xml <Runtimes>): the ribbon's FunctionFile
 * is the pane's own page, so taskpane.html loads two chunks, commands first. It is small next to the
 * pane's React and Fluent UI and associates every ribbon function as soon as it runs, before the pane's
 * chunk is even evaluated (a click that starts the runtime must find its function: office-js 5176).
 * The pane's chunk dependOn the commands chunk, so the modules both use (the runtime's one queue and
 * state, src/runtime) are in the commands chunk and exist once in the page.
 */
function entries() {
  const entry = {
    commands: "./src/commands/commands.ts",
    taskpane: { import: "./src/taskpane/index.tsx", dependOn: "commands" },
  };
  if (fs.existsSync(PREVIEW_ENTRY)) entry.preview = "./src/taskpane/preview.tsx";
  return entry;
}

/** Pages: file, template and the chunks they load, in order. */
function pages(entry) {
  const list = [{ filename: "taskpane.html", template: "./src/taskpane/taskpane.html", chunks: ["commands", "taskpane"] }];
  if (entry.preview) list.push({ filename: "preview.html", template: "./src/taskpane/preview.html", chunks: ["preview"] });
  return list;
}

/**
 * Office only sideloads add-ins served over trusted https. The dev certs are
 * created and trusted by office-addin-dev-certs (it may ask for an admin
 * password). Where that cannot happen (a Linux box without sudo, CI) we serve
 * plain http: enough for the browser preview.
 */
async function serverOptions() {
  if (process.env.DEV_SERVER_HTTP === "1") {
    console.log(`Dev server on http://localhost:${PORT} (DEV_SERVER_HTTP=1). Office needs https to sideload; the browser preview works on http.`);
    return "http";
  }
  try {
    const devCerts = require("office-addin-dev-certs");
    const options = await devCerts.getHttpsServerOptions();
    return { type: "https", options };
  } catch (err) {
    const reason = String((err && err.message) || err).split("\n")[0];
    console.log(`No trusted dev certificate (${reason}); serving http://localhost:${PORT}. Office needs https to sideload; the browser preview works on http.`);
    return "http";
  }
}

module.exports = async (env = {}, argv = {}) => {
  const dev = argv.mode !== "production";
  const entry = entries();

  const config = {
    mode: dev ? "development" : "production",
    devtool: dev ? "source-map" : false,
    entry,
    output: {
      path: OUT_DIR,
      // Bundles named by content hash in production, under js/ so a web server can cache that folder
      // for ever (docs/deploy.md): a new build is new names, and Office's cache never serves an old one.
      filename: dev ? "[name].js" : "js/[name].[contenthash:8].js",
      clean: true,
      // Rewrite every file on each build, so tests can tell a fresh build from a stale one by its time.
      compareBeforeEmit: false,
    },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: {
              configFile: path.resolve(__dirname, "tsconfig.json"),
              // Type-check only what the pages import, so a broken test or CLI file
              // elsewhere does not fail the add-in build.
              onlyCompileBundledFiles: true,
              compilerOptions: { module: "esnext", moduleResolution: "bundler", sourceMap: dev },
            },
          },
        },
      ],
    },
    plugins: [
      ...pages(entry).map(
        (p) =>
          new HtmlWebpackPlugin({
            filename: p.filename,
            template: p.template,
            chunks: p.chunks,
            // In the order listed: the ribbon's functions before the pane.
            chunksSortMode: "manual",
          }),
      ),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets", to: "assets", globOptions: { ignore: ["**/.*"] } },
          // ES5 check loaded before the bundles (old webviews show a sentence, not a blank pane). Copied
          // as written: the minifier would fold the probe's `?.`/`??` away, and with it the test.
          { from: "src/compat", to: "compat", info: { minimized: true } },
          // Web server settings for IIS and Azure Static Web Apps (headers, MIME types, caching).
          { from: "deploy/web.config", to: "web.config" },
          { from: "deploy/staticwebapp.config.json", to: "staticwebapp.config.json" },
        ],
      }),
    ],
    // The Fluent UI pane is ~300 KiB minified; warn only well above that.
    // Development bundles are unminified, so size hints there mean nothing.
    performance: { hints: dev ? false : "warning", maxEntrypointSize: 600 * 1024, maxAssetSize: 600 * 1024 },
  };

  // Only `webpack serve` needs certificates; a build must never touch them.
  if (env.WEBPACK_SERVE) {
    config.devServer = {
      port: PORT,
      server: await serverOptions(),
      headers: { "Access-Control-Allow-Origin": "*" },
      static: false,
      client: { overlay: { warnings: false } },
    };
  }
  return config;
};
