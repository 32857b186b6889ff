// Types for scripts/ensure-browser.js, so TypeScript tests can use it.

export interface MachineFacts {
  env: Record<string, string | undefined>;
  platform: string;
  exists(file: string): boolean;
  which(command: string): string | undefined;
  isRoot: boolean;
  canSudo: boolean;
  hasApt: boolean;
}

export type BrowserDecision =
  | { action: "use"; path: string; source: string }
  | { action: "install"; commands: string[][] }
  | { action: "stop"; message: string };

export function decide(facts: MachineFacts): BrowserDecision;
/** The browser to use without installing anything: a path, or one sentence saying what to run. */
export function findBrowser(env?: Record<string, string | undefined>): { path: string; message?: undefined } | { path?: undefined; message: string };
export function machineFacts(env?: Record<string, string | undefined>): MachineFacts;
export const APT_UPDATE: string[];
export const APT_INSTALL: string[];
export const SUDO: string[];
