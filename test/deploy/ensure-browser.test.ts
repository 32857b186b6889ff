// What `npm test` does about the browser, for every kind of machine (scripts/ensure-browser.js decide()).
import { APT_INSTALL, APT_UPDATE, SUDO, decide } from "../../scripts/ensure-browser";
import type { MachineFacts } from "../../scripts/ensure-browser";

const machine = (over: Partial<MachineFacts> & { files?: string[]; commands?: Record<string, string> } = {}): MachineFacts => {
  const files = new Set(over.files ?? []);
  const commands = over.commands ?? {};
  return {
    env: {},
    platform: "linux",
    isRoot: false,
    canSudo: false,
    hasApt: true,
    ...over,
    exists: (f) => files.has(f),
    which: (c) => commands[c],
  };
};

test.each([
  {
    rule: "a browser named by CHROME_PATH is used first",
    facts: machine({ env: { CHROME_PATH: "/opt/edge/msedge" }, files: ["/opt/edge/msedge"], commands: { chromium: "/usr/bin/chromium" } }),
    expected: { action: "use", path: "/opt/edge/msedge", source: "CHROME_PATH" },
  },
  {
    rule: "PLAYWRIGHT_CHROMIUM_EXECUTABLE works the same way",
    facts: machine({ env: { PLAYWRIGHT_CHROMIUM_EXECUTABLE: "/x/chrome" }, files: ["/x/chrome"] }),
    expected: { action: "use", path: "/x/chrome", source: "PLAYWRIGHT_CHROMIUM_EXECUTABLE" },
  },
  {
    rule: "a variable naming a missing file stops with what to fix, rather than silently using another browser",
    facts: machine({ env: { CHROME_PATH: "/nope" }, commands: { chromium: "/usr/bin/chromium" } }),
    expected: { action: "stop", message: "CHROME_PATH names /nope, which does not exist: point it at a Chrome, Edge or Chromium executable, or unset it." },
  },
  {
    rule: "Debian's chromium on the PATH is used",
    facts: machine({ commands: { chromium: "/usr/bin/chromium" } }),
    expected: { action: "use", path: "/usr/bin/chromium", source: "chromium" },
  },
  {
    rule: "Google Chrome on the PATH is used when there is no Chromium",
    facts: machine({ commands: { "google-chrome-stable": "/usr/bin/google-chrome-stable" } }),
    expected: { action: "use", path: "/usr/bin/google-chrome-stable", source: "google-chrome-stable" },
  },
  {
    rule: "an installed Chrome on a Mac is used",
    facts: machine({ platform: "darwin", hasApt: false, files: ["/Applications/Google Chrome.app/Contents/MacOS/Google Chrome"] }),
    expected: { action: "use", path: "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome", source: "installed application" },
  },
  {
    rule: "Edge on Windows is found under Program Files (x86)",
    facts: machine({
      platform: "win32",
      hasApt: false,
      env: { ProgramFiles: "C:\\Program Files", "ProgramFiles(x86)": "C:\\Program Files (x86)" },
      files: ["C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe"],
    }),
    expected: { action: "use", path: "C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe", source: "installed application" },
  },
  {
    rule: "none found, root on Debian: update the package lists (empty on a fresh machine), then install chromium",
    facts: machine({ isRoot: true }),
    expected: { action: "install", commands: [APT_UPDATE, APT_INSTALL] },
  },
  {
    rule: "none found, passwordless sudo on Debian: update and install through sudo -n, DEBIAN_FRONTEND set past sudo's reset",
    facts: machine({ canSudo: true }),
    expected: { action: "install", commands: [[...SUDO, ...APT_UPDATE], [...SUDO, ...APT_INSTALL]] },
  },
  {
    rule: "none found and no right to install: stop with one sentence saying what to run",
    facts: machine(),
    expected: {
      action: "stop",
      message: "The browser test needs Chrome, Edge or Chromium and none was found: sudo apt-get update && sudo apt-get install -y chromium, or set CHROME_PATH to one, then run npm test again.",
    },
  },
  {
    rule: "none found on a Linux without apt: no apt advice",
    facts: machine({ hasApt: false, isRoot: true }),
    expected: {
      action: "stop",
      message: "The browser test needs Chrome, Edge or Chromium and none was found: install Chromium with your package manager, or set CHROME_PATH to one, then run npm test again.",
    },
  },
  {
    rule: "none found on a Mac: install Chrome or Edge",
    facts: machine({ platform: "darwin", hasApt: false }),
    expected: {
      action: "stop",
      message: "The browser test needs Chrome, Edge or Chromium and none was found: install Google Chrome or Microsoft Edge, or set CHROME_PATH to one, then run npm test again.",
    },
  },
])("$rule", ({ facts, expected }) => {
  expect(decide(facts)).toEqual(expected);
});

test("the apt commands run non-interactively and install only chromium", () => {
  expect(APT_UPDATE).toEqual(["apt-get", "update", "-qq"]);
  expect(APT_INSTALL).toEqual(expect.arrayContaining(["apt-get", "install", "-y", "chromium"]));
  expect(SUDO).toEqual(["sudo", "-n", "env", "DEBIAN_FRONTEND=noninteractive"]);
});
