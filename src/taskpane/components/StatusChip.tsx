// One status as a chip in the scheme's own colours, with its symbol and label so colour is never the only signal.
import { makeStyles, tokens } from "@fluentui/react-components";
import type { Status } from "../../engine/vocab/types";

const useStyles = makeStyles({
  chip: {
    display: "inline-flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalXS,
    maxWidth: "100%",
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    // A neutral outline keeps pale fills visible on a white pane.
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
  symbol: { fontWeight: tokens.fontWeightSemibold, minWidth: "1em", textAlign: "center" },
  label: { overflowWrap: "anywhere" },
  count: { fontWeight: tokens.fontWeightSemibold, marginLeft: tokens.spacingHorizontalXXS },
});

export interface StatusChipProps {
  status: Status;
  count: number;
}

export function StatusChip({ status, count }: StatusChipProps) {
  const styles = useStyles();
  return (
    <span
      className={styles.chip}
      style={{ backgroundColor: status.fill, color: status.font }}
      title={status.description}
      data-status={status.key}
    >
      {/* The symbol is decoration for sighted readers; the label already says it. */}
      <span className={styles.symbol} aria-hidden="true">
        {status.symbol}
      </span>
      <span className={styles.label}>{status.label}</span>{" "}
      <span className={styles.count}>{count}</span>
    </span>
  );
}
