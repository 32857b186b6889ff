// The task pane: actions, results, problems, rules and detected tables, top to bottom. Problems come before
// the long settings so a keyboard user reaches them in a few Tab presses; the detected tables start closed.
// It talks only to the ScorecardService it is given, never to Office.js, so the preview and tests can drive it.
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  FluentProvider,
  Spinner,
  Text,
  makeStyles,
  tokens,
  useId,
  webLightTheme,
} from "@fluentui/react-components";
import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from "react";
import type { Role } from "../engine/vocab/types";
import type { LiveControl, LiveView, ScorecardService } from "./service";
import { ActionsPanel } from "./components/ActionsPanel";
import { CountsPanel } from "./components/CountsPanel";
import { LivePanel } from "./components/LivePanel";
import { useSectionStyles } from "./components/layout";
import { LiveRegion, Notice } from "./components/Notice";
import { ProblemsPanel } from "./components/ProblemsPanel";
import { RulesPanel } from "./components/RulesPanel";
import { errorMessage, withOverride } from "./components/settings";
import { TablesPanel } from "./components/TablesPanel";
import { useScorecard } from "./components/useScorecard";

export interface AppProps {
  service: ScorecardService;
  title?: string;
  /** Live colours (the add-in's runtime); without it the pane has no live section. */
  live?: LiveControl;
}

const NO_LIVE = { get: () => undefined, subscribe: () => () => undefined };

/** The runtime's state, re-rendered on every change; undefined without live colours. */
function useLiveView(live: LiveControl | undefined): LiveView | undefined {
  const store = live?.store ?? NO_LIVE;
  return useSyncExternalStore(store.subscribe, store.get);
}

const useStyles = makeStyles({
  page: { minHeight: "100vh", backgroundColor: tokens.colorNeutralBackground1 },
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    minWidth: 0,
    boxSizing: "border-box",
  },
  header: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  title: { margin: 0, fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500, fontWeight: tokens.fontWeightSemibold },
  main: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, minWidth: 0 },
  sectionButton: { paddingLeft: 0, paddingRight: 0, fontWeight: tokens.fontWeightSemibold, minHeight: "32px" },
  panel: { margin: `0 0 ${tokens.spacingVerticalM}` },
  panelAlert: { ":not(:empty)": { marginBottom: tokens.spacingVerticalS } },
});

/** The whole pane, with its own FluentProvider so it also renders on its own (tests, preview). */
export function App({ service, title = "RAG Scorecard", live }: AppProps) {
  const styles = useStyles();
  return (
    // No className on the provider: Fluent copies it to portal nodes (tooltips, listboxes), which then cover the page.
    <FluentProvider theme={webLightTheme}>
      <div className={styles.page}>
        <Pane service={service} title={title} live={live} />
      </div>
    </FluentProvider>
  );
}

function Pane({ service, title, live }: AppProps & { title: string }) {
  const styles = useStyles();
  const section = useSectionStyles();
  const sc = useScorecard(service);
  const view = useLiveView(live);
  const liveId = useId("live");
  // A ribbon command rewrote the workbook: read it again (the pane's own actions answer with fresh state).
  const seenRevision = useRef(view?.revision ?? 0);
  useEffect(() => {
    if (!view || view.revision === seenRevision.current) return;
    seenRevision.current = view.revision;
    if (view.revisedBy === "ribbon") sc.refreshNow();
  }, [view, sc]);
  // Work the ribbon started: the pane's buttons wait for it.
  const ribbonWork = view?.work?.kind === "command" && sc.busy === undefined ? view.work.label : undefined;
  // Why the chosen problem's cell could not be shown: a failure, or the host's note (a hidden sheet).
  const [selectNote, setSelectNote] = useState<{ title: string; message: string }>();
  const actionsId = useId("actions");
  const resultsId = useId("results");
  const rulesId = useId("rules");
  const tablesId = useId("tables");
  const problemsId = useId("problems");
  const { settings, busy } = sc;
  // Live colours report the counts and problems after each burst of edits; they win until the next full read.
  const state = sc.state && view?.counts && view.problems ? { ...sc.state, counts: view.counts, problems: view.problems } : sc.state;
  // Accordion headings look like the other h2s: same size and weight, arrow at the end, flush left.
  const sectionHeader = { size: "large", expandIconPosition: "end", button: { className: styles.sectionButton } } as const;
  const kinds = useMemo(() => new Set(state?.tables.map((t) => t.kind) ?? []), [state]);

  const changeRole = (sheet: string, header: string, role: Role) => {
    if (settings) sc.changeSettings(withOverride(settings, { sheet, header, role }), 0);
  };
  const selectCell = (sheet: string, cell: string) => {
    setSelectNote(undefined);
    service.selectCell(sheet, cell).then(
      (note: unknown) => {
        if (typeof note === "string" && note) setSelectNote({ title: "Cannot show that cell", message: note });
      },
      (e: unknown) => setSelectNote({ title: "Could not select the cell", message: errorMessage(e) }),
    );
  };

  return (
    <div className={styles.root}>
      <header className={styles.header}>
        <h1 className={styles.title}>{title}</h1>
        <Text size={200}>Rates your indicator and activity sheets by traffic light.</Text>
      </header>
      <main className={styles.main}>
        <section className={section.section} aria-labelledby={actionsId}>
          <ActionsPanel
            headingId={actionsId}
            busy={busy}
            ready={state !== undefined && ribbonWork === undefined}
            outcome={sc.outcome}
            onRun={(action) => void sc.run(action)}
          />
        </section>

        {ribbonWork && <Spinner size="small" label={`${ribbonWork} is running from the ribbon…`} />}
        {sc.loading && <Spinner size="small" label="Reading the workbook…" />}
        <LiveRegion kind="alert">
          {sc.loadError && (
            <Notice
              intent="error"
              title="Could not read the workbook"
              actions={
                <Button size="small" onClick={sc.reload}>
                  Try again
                </Button>
              }
            >
              {sc.loadError}
            </Notice>
          )}
        </LiveRegion>

        {state && settings && (
          <>
            <section className={section.section} aria-labelledby={resultsId}>
              <CountsPanel
                headingId={resultsId}
                scheme={state.scheme}
                counts={state.counts}
                kinds={kinds}
                refreshing={sc.refreshing}
              />
              <LiveRegion kind="alert">
                {sc.refreshError && (
                  <Notice intent="error" title="Could not update the results">
                    {sc.refreshError}
                  </Notice>
                )}
              </LiveRegion>
            </section>

            <Accordion multiple collapsible defaultOpenItems={["problems", "live", "rules"]}>
              <AccordionItem value="problems" role="region" aria-labelledby={problemsId}>
                <AccordionHeader as="h2" id={problemsId} {...sectionHeader}>Problems ({state.problems.length})</AccordionHeader>
                <AccordionPanel className={styles.panel}>
                  <LiveRegion kind="alert" className={styles.panelAlert}>
                    {selectNote && (
                      <Notice intent="warning" title={selectNote.title}>
                        {selectNote.message}
                      </Notice>
                    )}
                  </LiveRegion>
                  <ProblemsPanel problems={state.problems} onSelect={selectCell} />
                </AccordionPanel>
              </AccordionItem>
              {live && view && (
                <AccordionItem value="live" role="region" aria-labelledby={liveId}>
                  <AccordionHeader as="h2" id={liveId} {...sectionHeader}>Live colours</AccordionHeader>
                  <AccordionPanel className={styles.panel}>
                    <LivePanel
                      view={view}
                      disabled={busy !== undefined || ribbonWork !== undefined}
                      setLiveColours={(on) => live.setLiveColours(on)}
                      setRatingHelp={(on) => live.setRatingHelp(on)}
                      onSelect={selectCell}
                    />
                  </AccordionPanel>
                </AccordionItem>
              )}
              <AccordionItem value="rules" role="region" aria-labelledby={rulesId}>
                <AccordionHeader as="h2" id={rulesId} {...sectionHeader}>Rules</AccordionHeader>
                <AccordionPanel className={styles.panel}>
                  <RulesPanel
                    settings={settings}
                    presets={state.presets}
                    disabled={busy !== undefined}
                    saving={busy?.action === "save"}
                    saveOutcome={sc.saveOutcome}
                    assumptions={state.assumptions}
                    onChange={sc.changeSettings}
                    onSave={() => void sc.save()}
                  />
                </AccordionPanel>
              </AccordionItem>
              <AccordionItem value="tables" role="region" aria-labelledby={tablesId}>
                <AccordionHeader as="h2" id={tablesId} {...sectionHeader}>Detected tables ({state.tables.length})</AccordionHeader>
                <AccordionPanel className={styles.panel}>
                  <TablesPanel
                    tables={state.tables}
                    overrides={settings.columnOverrides}
                    disabled={busy !== undefined}
                    onRoleChange={changeRole}
                  />
                </AccordionPanel>
              </AccordionItem>
            </Accordion>
          </>
        )}
      </main>
    </div>
  );
}
