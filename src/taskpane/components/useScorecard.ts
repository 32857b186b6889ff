// The pane's state machine: first read, debounced re-reads when a setting changes, the three actions and saving.
// Components stay presentational; everything that talks to the ScorecardService lives here.
import { useCallback, useEffect, useRef, useState } from "react";
import type { ActionResult, PaneSettings, PaneState, Progress, ScorecardService } from "../service";
import { errorMessage } from "./settings";

export type ActionKey = "apply" | "build" | "remove";

export interface Outcome {
  intent: "success" | "error";
  /** Every outcome has a title: the message bar is labelled by it. */
  title: string;
  message: string;
  /** What Excel's Undo will do after this action, when the host says. */
  undo?: string;
}

export interface Busy {
  action: ActionKey | "save";
  /** 0..1 once the host has reported progress; undefined until then (indeterminate bar). */
  fraction?: number;
  step: string;
}

/** Typing waits this long before re-reading; a pick from a list re-reads at once. */
export const TYPING_DELAY_MS = 400;

const DONE: Record<ActionKey, string> = {
  apply: "Colours applied",
  build: "Summary built",
  remove: "Colours removed",
};

const FAILED: Record<ActionKey, string> = {
  apply: "Could not apply colours",
  build: "Could not build the summary",
  remove: "Could not remove colours",
};

export interface Scorecard {
  state?: PaneState;
  settings?: PaneSettings;
  loading: boolean;
  loadError?: string;
  refreshing: boolean;
  refreshError?: string;
  busy?: Busy;
  outcome?: Outcome;
  saveOutcome?: Outcome;
  reload(): void;
  /** Reads the workbook again with the settings shown (after the ribbon changed it). */
  refreshNow(): void;
  changeSettings(next: PaneSettings, delayMs?: number): void;
  run(action: ActionKey): Promise<void>;
  save(): Promise<void>;
}

export function useScorecard(service: ScorecardService): Scorecard {
  const [state, setState] = useState<PaneState>();
  const [settings, setSettings] = useState<PaneSettings>();
  const [loading, setLoading] = useState(true);
  const [loadError, setLoadError] = useState<string>();
  const [refreshing, setRefreshing] = useState(false);
  const [refreshError, setRefreshError] = useState<string>();
  const [busy, setBusy] = useState<Busy>();
  const [outcome, setOutcome] = useState<Outcome>();
  const [saveOutcome, setSaveOutcome] = useState<Outcome>();
  // Each read or action takes a ticket; an answer is used only if no later request has been made.
  const ticket = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  // Guards against a second click before React re-renders with the buttons disabled.
  const running = useRef(false);

  const cancelPending = () => {
    if (timer.current !== undefined) clearTimeout(timer.current);
    timer.current = undefined;
  };

  const reload = useCallback(() => {
    const id = ++ticket.current;
    setLoading(true);
    setLoadError(undefined);
    service.detect().then(
      (s) => {
        if (id !== ticket.current) return;
        setState(s);
        setSettings(s.settings);
        setLoading(false);
      },
      (e: unknown) => {
        if (id !== ticket.current) return;
        setLoadError(errorMessage(e));
        setLoading(false);
      },
    );
  }, [service]);

  useEffect(() => {
    reload();
    return cancelPending;
  }, [reload]);

  const refresh = useCallback(
    (next: PaneSettings) => {
      const id = ++ticket.current;
      setRefreshing(true);
      service.detect(next).then(
        (s) => {
          if (id !== ticket.current) return;
          setState(s);
          setRefreshError(undefined);
          setRefreshing(false);
        },
        (e: unknown) => {
          if (id !== ticket.current) return;
          setRefreshError(errorMessage(e));
          setRefreshing(false);
        },
      );
    },
    [service],
  );

  const changeSettings = (next: PaneSettings, delayMs = TYPING_DELAY_MS) => {
    setSettings(next);
    setSaveOutcome(undefined);
    cancelPending();
    timer.current = setTimeout(() => {
      timer.current = undefined;
      refresh(next);
    }, delayMs);
  };

  const run = async (action: ActionKey) => {
    if (running.current || !settings) return;
    running.current = true;
    // The action answers with fresh state for these settings, so a pending or running read is not needed.
    cancelPending();
    ticket.current++;
    setRefreshing(false);
    setOutcome(undefined);
    setBusy({ action, step: "Starting…" });
    const progress: Progress = (fraction, step) =>
      setBusy((b) => (b ? { ...b, fraction: Math.min(1, Math.max(0, fraction)), step } : b));
    try {
      let result: ActionResult;
      if (action === "apply") result = await service.applyColours(settings, progress);
      else if (action === "build") result = await service.buildSummary(settings, progress);
      else result = await service.removeColours(progress);
      setState(result.state);
      setRefreshError(undefined);
      // Read with `in` so this also builds against a host whose results carry no Undo sentence.
      const undo = "undo" in result && typeof result.undo === "string" && result.undo ? result.undo : undefined;
      setOutcome({ intent: "success", title: DONE[action], message: result.message, undo });
    } catch (e) {
      setOutcome({ intent: "error", title: FAILED[action], message: errorMessage(e) });
    } finally {
      running.current = false;
      setBusy(undefined);
    }
  };

  const save = async () => {
    if (running.current || !settings) return;
    running.current = true;
    setSaveOutcome(undefined);
    setBusy({ action: "save", step: "Saving the rules…" });
    try {
      await service.saveSettings(settings);
      setSaveOutcome({ intent: "success", title: "Rules saved", message: "Rules saved to the Scorecard Rules sheet." });
    } catch (e) {
      setSaveOutcome({ intent: "error", title: "Could not save the rules", message: errorMessage(e) });
    } finally {
      running.current = false;
      setBusy(undefined);
    }
  };

  return {
    state,
    settings,
    loading,
    loadError,
    refreshing,
    refreshError,
    busy,
    outcome,
    saveOutcome,
    reload,
    refreshNow: () => {
      if (running.current) return;
      cancelPending();
      if (settings) refresh(settings);
      else reload();
    },
    changeSettings,
    run,
    save,
  };
}
