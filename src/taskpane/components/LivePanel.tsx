// "Keep colours up to date": the live-colour switches, what live colours are doing, and the problems the
// latest edits raised, each a link to its cell. Outcomes of a switch are announced once; the running
// status is shown but spoken only when it changes to something new to say.
import { Link, Switch, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import type { Problem } from "../../engine/vocab/types";
import type { LiveView } from "../service";
import { useSectionStyles } from "./layout";
import { LiveRegion, Notice } from "./Notice";
import { problemPlace } from "./ProblemsPanel";
import { errorMessage } from "./settings";

const useStyles = makeStyles({
  switches: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  // The switch's label wraps under itself at 320 px instead of pushing the page sideways.
  switch: { alignItems: "flex-start", "& label": { overflowWrap: "anywhere", paddingTop: tokens.spacingVerticalXXS } },
  hint: { color: tokens.colorNeutralForeground2 },
  link: { textAlign: "left", overflowWrap: "anywhere" },
});

export interface LivePanelProps {
  view: LiveView;
  /** Another action is running in the pane: the switches wait for it. */
  disabled: boolean;
  setLiveColours(on: boolean): Promise<string>;
  setRatingHelp(on: boolean): Promise<string>;
  onSelect(sheet: string, cell: string): void;
}

type Said = { intent: "success" | "error"; title: string; message: string };

/** One sentence on what live colours are doing now. */
export function liveStatus(view: LiveView): string {
  switch (view.live) {
    case "unknown":
      return "Reading the setting from the Scorecard Rules sheet…";
    case "starting":
      return "Starting live colours…";
    case "stopping":
      return "Stopping live colours…";
    case "off":
      return "Off: colours change only when you apply them.";
    case "on": {
      if (view.bursts === 0) return "On: a status is recoloured as soon as someone changes its row.";
      const rerated = view.rerated.length;
      const last = rerated === 0 ? "the latest change needed no recolouring" : `the latest change re-rated ${rerated === 1 ? "1 record" : `${rerated} records`}`;
      return `On: ${last}.`;
    }
  }
}

export function LivePanel({ view, disabled, setLiveColours, setRatingHelp, onSelect }: LivePanelProps) {
  const styles = useStyles();
  const section = useSectionStyles();
  const [said, setSaid] = useState<Said>();
  const [pending, setPending] = useState(false);
  const switching = pending || view.live === "starting" || view.live === "stopping" || view.live === "unknown";

  const flip = (what: string, work: () => Promise<string>) => {
    setPending(true);
    setSaid(undefined);
    work().then(
      (message) => setSaid({ intent: "success", title: what, message }),
      (e: unknown) => setSaid({ intent: "error", title: `Could not change ${what.toLowerCase()}`, message: errorMessage(e) }),
    ).finally(() => setPending(false));
  };

  return (
    <div className={section.section}>
      <div className={styles.switches}>
        <Switch
          className={styles.switch}
          label="Keep colours up to date"
          checked={view.live === "on" || view.live === "starting"}
          disabled={disabled || switching}
          onChange={(_e, data) => flip("Keep colours up to date", () => setLiveColours(data.checked))}
        />
        <Switch
          className={styles.switch}
          label="Help officers type ratings (drop-down list)"
          checked={view.ratingHelp}
          disabled={disabled || pending || view.live === "unknown"}
          onChange={(_e, data) => flip("Help officers type ratings", () => setRatingHelp(data.checked))}
        />
      </div>
      <Text size={200} className={styles.hint}>
        Saved on the Scorecard Rules sheet, so the workbook keeps them for everyone. The drop-down list never refuses what an officer types.
      </Text>
      <Text>{liveStatus(view)}</Text>
      {view.liveNote && (
        <Notice intent="warning" title="Only while the add-in runs">
          {view.liveNote}
        </Notice>
      )}
      <LiveRegion kind="status">
        {said?.intent === "success" && (
          <Notice intent="success" title={said.title}>
            {said.message}
          </Notice>
        )}
      </LiveRegion>
      <LiveRegion kind="status">{view.newProblems.length > 0 && <NewProblems problems={view.newProblems} onSelect={onSelect} />}</LiveRegion>
      <LiveRegion kind="alert">
        {said?.intent === "error" && (
          <Notice intent="error" title={said.title}>
            {said.message}
          </Notice>
        )}
        {!said && view.liveError && (
          <Notice intent="error" title="Live colours">
            {view.liveError}
          </Notice>
        )}
      </LiveRegion>
    </div>
  );
}

function NewProblems({ problems, onSelect }: { problems: Problem[]; onSelect(sheet: string, cell: string): void }) {
  const styles = useStyles();
  const section = useSectionStyles();
  return (
    <Notice intent="warning" title={problems.length === 1 ? "1 new problem from the latest edits" : `${problems.length} new problems from the latest edits`}>
      <ul className={section.list}>
        {problems.map((p) => (
          <li key={`${p.sheet}!${p.cell}!${p.message}`}>
            {p.cell ? (
              <Link as="button" className={styles.link} onClick={() => onSelect(p.sheet, p.cell)}>
                {problemPlace(p)}
              </Link>
            ) : (
              <Text weight="semibold">{problemPlace(p)}</Text>
            )}
            : {p.message}
          </li>
        ))}
      </ul>
    </Notice>
  );
}
