// The shared runtime's own Office APIs, feature-detected: the startup behaviour (SharedRuntime 1.1) and
// enabling the two live-colour ribbon buttons (RibbonApi 1.1). Both only work in a shared runtime; where a
// client lacks one, the add-in still works and says what it cannot do.

/** Ribbon ids, as in manifest.xml. */
export const RIBBON = {
  tab: "RagScorecard.Tab",
  group: "RagScorecard.Group",
  liveOn: "RagScorecard.LiveOn",
  liveOff: "RagScorecard.LiveOff",
} as const;

export interface AddinHost {
  isSetSupported(name: string, version: string): boolean;
  /** Office.addin, where this client has it. */
  addin?: Pick<typeof Office.addin, "setStartupBehavior" | "getStartupBehavior">;
  /** Office.ribbon, where this client has it. */
  ribbon?: Pick<typeof Office.ribbon, "requestUpdate">;
}

/** The real Office, read when called: Office.context exists only once Office has initialised the page. */
export function officeAddinHost(): AddinHost {
  const office = typeof Office === "undefined" ? undefined : Office;
  const requirements = office?.context?.requirements;
  return {
    isSetSupported: (name, version) => (requirements ? requirements.isSetSupported(name, version) : false),
    addin: office?.addin,
    ribbon: office?.ribbon,
  };
}

export const STARTUP_UNSUPPORTED =
  "This Excel cannot start RAG Scorecard with the workbook, so colours stay up to date only while the add-in is running (open the pane, or use a Scorecard button, after opening the workbook).";

/**
 * Load the runtime with the workbook while live colours are on (so they keep working with the pane
 * closed), not otherwise. Reads the current behaviour first: setting it marks the workbook changed.
 * Resolves with a sentence when this client cannot do it, with nothing when done.
 */
export async function setStartupForLive(host: AddinHost, on: boolean): Promise<string | undefined> {
  const addin = host.addin;
  if (!addin || typeof addin.setStartupBehavior !== "function" || !host.isSetSupported("SharedRuntime", "1.1")) {
    return on ? STARTUP_UNSUPPORTED : undefined;
  }
  // The enum's values, written out: Office.StartupBehavior is not there in every build's office.js.
  const wanted = (on ? "Load" : "None") as Office.StartupBehavior;
  try {
    const current = typeof addin.getStartupBehavior === "function" ? await addin.getStartupBehavior() : undefined;
    if (current !== wanted) await addin.setStartupBehavior(wanted);
    return undefined;
  } catch {
    return on ? STARTUP_UNSUPPORTED : undefined;
  }
}

/** True when the ribbon buttons can be enabled and disabled here. */
export function canUpdateRibbon(host: AddinHost): boolean {
  return !!host.ribbon && typeof host.ribbon.requestUpdate === "function" && host.isSetSupported("RibbonApi", "1.1");
}

/** Enables "Live colours off" while live colours are on and "Live colours on" while they are off. */
export async function showLiveButtons(host: AddinHost, on: boolean): Promise<boolean> {
  if (!canUpdateRibbon(host)) return false;
  try {
    await host.ribbon!.requestUpdate({
      tabs: [{ id: RIBBON.tab, groups: [{ id: RIBBON.group, controls: [{ id: RIBBON.liveOn, enabled: !on }, { id: RIBBON.liveOff, enabled: on }] }] }],
    });
    return true;
  } catch (e) {
    // Some builds refuse while starting (office-js 4368); the buttons still work, they just look wrong.
    console.error("RAG Scorecard: could not update the ribbon buttons", e);
    return false;
  }
}
