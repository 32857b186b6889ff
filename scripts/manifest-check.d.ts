// Types for scripts/manifest-check.js, so TypeScript tests can import it.

export interface ManifestCheck {
  name: string;
  ok: boolean;
  detail: string;
  /** Set on a passing check that still wants attention (a localhost URL). */
  warning?: string;
}

export interface ManifestCheckOptions {
  /** Folder served as /assets/; icon URLs are looked up there. */
  assetsDir?: string;
  /** Text of src/commands/commands.ts (Office.actions.associate calls). */
  commandsSource?: string;
}

export function checkManifest(
  xmlText: string,
  options?: ManifestCheckOptions,
): { ok: boolean; checks: ManifestCheck[] };

export function registeredFunctions(source: string): string[];

export function pngSize(buffer: Buffer): { width: number; height: number } | null;

export const CHECK: {
  readonly wellFormed: string;
  readonly taskPane: string;
  readonly guid: string;
  readonly idsUnique: string;
  readonly residsDefined: string;
  readonly residLength: string;
  readonly https: string;
  readonly notLocalhost: string;
  readonly iconsExist: string;
  readonly iconSizes: string;
  readonly excelApi: string;
  readonly permissions: string;
  readonly functionFile: string;
  readonly sharedRuntime: string;
  readonly customTab: string;
  readonly functions: string;
};
