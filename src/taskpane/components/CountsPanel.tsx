// Counts by status for indicators and activities, each status as a chip in its own colours.
import { Spinner, Text, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { RecordKind, Scheme } from "../../engine/vocab/types";
import { useSectionStyles } from "./layout";
import { StatusChip } from "./StatusChip";

const KIND_HEADINGS: Record<RecordKind, string> = { indicator: "Indicators", activity: "Activities" };
const KIND_NONE: Record<RecordKind, string> = {
  indicator: "No indicator table found.",
  activity: "No activity table found.",
};

const useStyles = makeStyles({
  headingRow: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS },
  kind: { marginBottom: tokens.spacingVerticalXS },
  chips: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalXS,
    listStyleType: "none",
    margin: 0,
    padding: 0,
  },
  chipItem: { display: "flex", maxWidth: "100%" },
});

export interface CountsPanelProps {
  scheme: Scheme;
  counts: Record<RecordKind, Record<string, number>>;
  /** Kinds that have at least one detected table. */
  kinds: ReadonlySet<RecordKind>;
  refreshing: boolean;
  headingId: string;
}

export function CountsPanel({ scheme, counts, kinds, refreshing, headingId }: CountsPanelProps) {
  const styles = useStyles();
  const section = useSectionStyles();
  return (
    <>
      <div className={styles.headingRow}>
        <h2 id={headingId} className={section.heading}>
          Results
        </h2>
        {refreshing && <Spinner size="extra-tiny" label="Updating…" labelPosition="after" />}
      </div>
      {(["indicator", "activity"] as const).map((kind) => {
        const byKey = counts[kind] ?? {};
        const total = Object.values(byKey).reduce((sum, n) => sum + n, 0);
        const kindId = `${headingId}-${kind}`;
        return (
          <div key={kind}>
            <h3 id={kindId} className={mergeClasses(section.subheading, styles.kind)}>
              {KIND_HEADINGS[kind]} ({total})
            </h3>
            {kinds.has(kind) || total > 0 ? (
              <ul className={styles.chips} aria-labelledby={kindId}>
                {scheme[kind].map((status) => (
                  <li key={status.key} className={styles.chipItem}>
                    <StatusChip status={status} count={byKey[status.key] ?? 0} />
                  </li>
                ))}
              </ul>
            ) : (
              <Text size={200}>{KIND_NONE[kind]}</Text>
            )}
          </div>
        );
      })}
    </>
  );
}
