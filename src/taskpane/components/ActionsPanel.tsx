// The three ribbon actions, with progress while one runs and its outcome afterwards. Only the outcome is
// announced, once: progress steps are shown but not spoken, and saving the rules leaves the outcome alone.
import {
  Button,
  Field,
  ProgressBar,
  Tooltip,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { ActionKey, Busy, Outcome } from "./useScorecard";
import { useSectionStyles } from "./layout";
import { LiveRegion, Notice } from "./Notice";

const ACTIONS: { key: ActionKey; label: string; running: string; hint: string }[] = [
  {
    key: "apply",
    label: "Apply colours",
    running: "Applying colours",
    hint: "Colour every status cell and add a Status (auto) column. Typed values are not changed.",
  },
  {
    key: "build",
    label: "Build summary",
    running: "Building the summary",
    hint: "Build the committee summary sheet for the reporting period.",
  },
  {
    key: "remove",
    label: "Remove colours",
    running: "Removing colours",
    hint: "Restore the formats the sheets had before colours were applied.",
  },
];

const useStyles = makeStyles({
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  button: { flexGrow: 1, flexBasis: "8em", minWidth: 0 },
  undo: { display: "block", marginTop: tokens.spacingVerticalXXS },
});

export interface ActionsPanelProps {
  busy?: Busy;
  /** False until the workbook has been read. */
  ready: boolean;
  outcome?: Outcome;
  onRun(action: ActionKey): void;
  headingId: string;
}

export function ActionsPanel({ busy, ready, outcome, onRun, headingId }: ActionsPanelProps) {
  const styles = useStyles();
  const section = useSectionStyles();
  const running = busy && busy.action !== "save" ? ACTIONS.find((a) => a.key === busy.action) : undefined;
  return (
    <>
      <h2 id={headingId} className={section.heading}>
        Actions
      </h2>
      <div className={styles.buttons}>
        {ACTIONS.map((a) => (
          <Tooltip key={a.key} content={a.hint} relationship="description" withArrow>
            <Button
              appearance="primary"
              className={styles.button}
              // disabledFocusable keeps focus on the pressed button while it runs, for keyboard users.
              disabledFocusable={!ready || busy !== undefined}
              onClick={() => onRun(a.key)}
            >
              {a.label}
            </Button>
          </Tooltip>
        ))}
      </div>
      {running && busy && (
        <Field label={`${running.running}…`} hint={busy.step}>
          <ProgressBar value={busy.fraction} max={1} thickness="large" />
        </Field>
      )}
      <LiveRegion kind="status">
        {!running && outcome?.intent === "success" && (
          <Notice intent="success" title={outcome.title}>
            {outcome.message}
            {outcome.undo && <span className={styles.undo}>{outcome.undo}</span>}
          </Notice>
        )}
      </LiveRegion>
      <LiveRegion kind="alert">
        {!running && outcome?.intent === "error" && <Notice intent="error" title={outcome.title}>{outcome.message}</Notice>}
      </LiveRegion>
    </>
  );
}
