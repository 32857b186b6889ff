// The browser preview (PRODUCT workflow 6): the real task pane on the left, running the real host code
// on a sample workbook held in the page, and on the right that workbook's sheets as a grid, redrawn after
// every action so a person sees the colours, the Status (auto) column and the Summary sheet appear.
import {
  Button,
  FluentProvider,
  Select,
  Spinner,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
  useId,
  webLightTheme,
} from "@fluentui/react-components";
import { useEffect, useMemo, useState } from "react";
import { parseAddress } from "../excel/a1";
import type { FakeExcel } from "../fake-excel";
import { App } from "../taskpane/App";
import { useFocusRing } from "../taskpane/components/layout";
import { errorMessage } from "../taskpane/components/settings";
import { createExcelService, localToday } from "../taskpane/excel-service";
import type { ScorecardService } from "../taskpane/service";
import { observeService } from "./observe";
import { previewRuntime, stopPreviewLive, typedValue } from "./live";
import { queuedService } from "../runtime/queued-service";
import type { AddinRuntime } from "../runtime/runtime";
import type { Change } from "./observe";
import { SAMPLES, openSample, sampleByKey } from "./sample";
import { SheetGrid } from "./SheetGrid";
import { SheetTabs } from "./SheetTabs";

const NARROW = "@media (max-width: 760px)";

const useStyles = makeStyles({
  page: {
    display: "flex",
    flexDirection: "column",
    height: "100vh",
    fontFamily: tokens.fontFamilyBase,
    color: tokens.colorNeutralForeground1,
    [NARROW]: { height: "auto" },
  },
  bar: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalL}`,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  title: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  // Wraps instead of overflowing: at 320-350 px the select and button go under the label, not off the edge.
  sample: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS, minWidth: 0, maxWidth: "100%" },
  select: { flex: "1 1 14em", minWidth: 0, maxWidth: "24em" },
  body: { display: "flex", flexGrow: 1, minHeight: 0, [NARROW]: { flexDirection: "column" } },
  pane: {
    flex: "0 0 340px",
    width: "340px",
    overflowY: "auto",
    borderRight: `1px solid ${tokens.colorNeutralStroke1}`,
    [NARROW]: { flexBasis: "auto", width: "auto", borderRight: "none", borderBottom: `1px solid ${tokens.colorNeutralStroke1}` },
  },
  workbook: { display: "flex", flexDirection: "column", flexGrow: 1, minWidth: 0, minHeight: 0 },
  grid: { flexGrow: 1, overflow: "auto", minHeight: "320px" },
  waiting: { padding: tokens.spacingHorizontalL },
});

interface Session {
  id: number;
  fake: FakeExcel;
  service: ScorecardService;
  runtime: AddinRuntime;
}

let sessions = 0;

export function PreviewPage({ initialSample }: { initialSample?: string | null }) {
  const styles = useStyles();
  const ring = useFocusRing().ring;
  const [sampleKey, setSampleKey] = useState(() => sampleByKey(initialSample).key);
  const [reset, setReset] = useState(0);
  const [session, setSession] = useState<Session>();
  const [openError, setOpenError] = useState<string>();
  const [active, setActive] = useState<string>();
  const [version, setVersion] = useState(0);
  const sampleId = useId("sample");
  const panelId = useId("sheet");
  const tabId = (sheet: string) => `${panelId}-tab-${sheet.replace(/[^A-Za-z0-9]+/g, "-")}`;

  useEffect(() => {
    let cancelled = false;
    const sample = sampleByKey(sampleKey);
    setSession(undefined);
    setOpenError(undefined);
    let unsubscribe: (() => void) | undefined;
    openSample(sample, localToday()).then(
      (fake) => {
        if (cancelled) return;
        let shown = fake.active();
        // Show what Excel would: the sheet a command activated (Build summary shows its summary), the
        // selected cell's sheet, or stay put. Sheets added without being activated (the rules sheet, the
        // history) are not shown, as Excel does not switch to them.
        const onChange = (change: Change) => {
          const names = fake.sheetNames();
          const now = fake.active();
          const moved = now !== shown;
          shown = now;
          setActive((current) => {
            if (change === "selectCell") return fake.selection()?.sheet ?? current;
            if (moved && now && names.includes(now)) return now;
            return current && names.includes(current) ? current : names[0];
          });
          setVersion((v) => v + 1);
        };
        setActive(sample.workbook.sheets[0]?.name ?? fake.sheetNames()[0]);
        // The pane and live colours share one runtime and one queue of Excel work, as in Excel.
        const runtime = previewRuntime(fake);
        unsubscribe = runtime.store.subscribe(() => setVersion((v) => v + 1));
        void runtime.start();
        setSession({ id: ++sessions, fake, runtime, service: observeService(queuedService(createExcelService(fake.run), runtime), onChange) });
      },
      (e: unknown) => !cancelled && setOpenError(errorMessage(e)),
    );
    return () => {
      cancelled = true;
      unsubscribe?.();
      void stopPreviewLive();
    };
  }, [sampleKey, reset]);

  const chooseSample = (key: string) => {
    const url = new URL(window.location.href);
    url.searchParams.set("sample", key);
    window.history.replaceState(null, "", url);
    setSampleKey(key);
  };

  // As a person types in Excel: the change raises onChanged, which live colours act on when they are on.
  const typeIn = (sheet: string, address: string, text: string) => {
    if (!session) return;
    session.fake.user.type(sheet, address, [[typedValue(text)]]);
    setVersion((v) => v + 1);
  };

  // The fake is mutated in place; `version` says when to read it again.
  const names = useMemo(() => session?.fake.sheetNames() ?? [], [session, version]);
  const view = useMemo(() => (session && active ? session.fake.sheet(active) : undefined), [session, active, version]);
  const charts = useMemo(() => (session && active ? (session.fake.charts(active) ?? []) : []), [session, active, version]);
  const selection = useMemo(() => {
    const sel = session?.fake.selection();
    return sel && sel.sheet === active ? parseAddress(sel.address) : undefined;
  }, [session, active, version]);

  return (
    <FluentProvider theme={webLightTheme}>
      <div className={styles.page}>
        <header className={styles.bar}>
          <h1 className={styles.title}>RAG Scorecard: browser preview</h1>
          <div className={styles.sample}>
            <label htmlFor={sampleId}>Sample workbook</label>
            <Select id={sampleId} className={mergeClasses(styles.select, ring)} value={sampleKey} onChange={(_, data) => chooseSample(data.value)}>
              {SAMPLES.map((s) => (
                <option key={s.key} value={s.key}>
                  {s.title}
                </option>
              ))}
            </Select>
            <Button onClick={() => setReset((n) => n + 1)}>Start again</Button>
          </div>
          <Text size={200}>The add-in runs on a sample workbook held in this page. Nothing is uploaded or saved. Double-click a cell to type in it.</Text>
        </header>
        <div className={styles.body}>
          <aside className={styles.pane} aria-label="Task pane">
            {session && <App key={session.id} service={session.service} live={session.runtime} />}
          </aside>
          <section className={styles.workbook} aria-label="Workbook">
            {openError && <Text className={styles.waiting}>Could not open the sample workbook: {openError}</Text>}
            {!session && !openError && <Spinner className={styles.waiting} size="small" label="Opening the sample workbook…" />}
            {session && active && (
              <>
                <SheetTabs sheets={names} active={active} panelId={panelId} tabId={tabId} onSelect={setActive} />
                <div className={styles.grid} role="tabpanel" id={panelId} aria-labelledby={tabId(active)} tabIndex={0}>
                  {view && <SheetGrid view={view} selection={selection} charts={charts} onEdit={(address, text) => typeIn(active, address, text)} />}
                </div>
              </>
            )}
          </section>
        </div>
      </div>
    </FluentProvider>
  );
}
