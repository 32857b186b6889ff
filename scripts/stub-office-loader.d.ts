// Types for scripts/stub-office-loader.js, so TypeScript tests can use it.

export interface StubDialog {
  url: string;
  notice: { ok: boolean; title: string; message: string } | string | null;
  openedAt: number;
  closedAt: number | undefined;
  closedBy: "add-in" | "user" | undefined;
  userCloses(): void;
}

export interface StubClick {
  name: string;
  at: number;
  dispatchedAt: number | undefined;
  completedAt: number | undefined;
  /** Office closed the runtime at five minutes before event.completed() came. */
  killed: boolean;
  error: string | undefined;
}

export interface Clock {
  now(): number;
  advance(ms: number): Promise<void>;
  settle(): Promise<void>;
}

export interface LoadOptions {
  webDir: string;
  manifestXml: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the fake Excel, or any object with run(batch)
  excel?: { run: (batch: any) => Promise<unknown>; runIn?: (context: any, batch: any) => Promise<unknown> };
  excelApi?: string;
  context?: boolean;
  oldWebview?: boolean;
  readyDelayMs?: number;
}

export interface LoadedFunctionFile {
  manifest: { functionNames: string[]; functionFile: string | undefined; functionFileUrl: string | undefined };
  scripts: string[];
  clock: Clock;
  /** ready: the page called onReady or set initialize; initialised: Office finished starting the page (readyDelayMs). */
  state: { ready: boolean; initialised: boolean; onReadyCalls: number; initializeSet: boolean; associated: Map<string, unknown>; dialogs: StubDialog[]; clicks: StubClick[]; requirementChecks: number[]; readyAt: number | undefined };
  log: { errors: string[]; loadErrors: string[] };
  click(name: string): StubClick;
  close(): void;
}

export function loadFunctionFile(options: LoadOptions): LoadedFunctionFile;
export function checkFunctionFile(options: LoadOptions): Promise<{ ok: boolean; problems: string[]; page: string; associated: string[]; wanted: string[] }>;
export function readManifest(xml: string): LoadedFunctionFile["manifest"];
export function parsesInOldWebview(source: string): boolean;
export const LIFETIME_MS: number;
