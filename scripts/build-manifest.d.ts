// Types for scripts/build-manifest.js, so TypeScript tests can use it.

export interface ManifestSettings {
  baseUrl?: string;
  id?: string;
  provider?: string;
  supportUrl?: string;
  version?: string;
}

export function productionManifest(devXml: string, settings: ManifestSettings): { xml: string; base: string };
export function settingsFromEnv(env: Record<string, string | undefined>): ManifestSettings;
export function normaliseBase(raw: string): string;
export const DEV_ORIGIN: string;
