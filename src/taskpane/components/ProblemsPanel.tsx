// What could not be read, each naming its sheet and cell; choosing one selects that cell in the workbook.
import { Button, Link, Text, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { useEffect, useMemo, useRef, useState } from "react";
import type { Problem } from "../../engine/vocab/types";
import { useSectionStyles } from "./layout";

/** Long lists are cut here so the pane stays quick; "Show all" lifts the limit. */
export const FIRST_PROBLEMS = 50;

const SEVERITY = {
  error: { symbol: "✕", label: "Error" },
  warning: { symbol: "⚠", label: "Warning" },
} as const;

const useStyles = makeStyles({
  link: {
    textAlign: "left",
    overflowWrap: "anywhere",
    // Fluent marks a focused link only by a double underline, hard to see on a wrapped list: add a 2 px ring.
    ":focus-visible": {
      outlineWidth: tokens.strokeWidthThick,
      outlineStyle: "solid",
      outlineColor: tokens.colorStrokeFocus2,
      outlineOffset: tokens.strokeWidthThin,
      borderRadius: tokens.borderRadiusSmall,
    },
  },
  severity: { fontWeight: tokens.fontWeightSemibold },
  error: { color: tokens.colorPaletteRedForeground1 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  showAll: { alignSelf: "flex-start" },
});

/** "Sheet!D5", or just the sheet name when the problem is about the whole sheet. */
export function problemPlace(problem: Problem): string {
  return problem.cell ? `${problem.sheet}!${problem.cell}` : problem.sheet;
}

/**
 * Errors before warnings, each in the engine's order (sheet by sheet, row by row): at a quarter's start the
 * warnings of exceptions not yet commented on could push an unreadable figure past the first FIRST_PROBLEMS.
 */
export function errorsFirst(problems: readonly Problem[]): Problem[] {
  return [...problems.filter((p) => p.severity === "error"), ...problems.filter((p) => p.severity !== "error")];
}

export interface ProblemsPanelProps {
  problems: Problem[];
  onSelect(sheet: string, cell: string): void;
}

export function ProblemsPanel({ problems, onSelect }: ProblemsPanelProps) {
  const styles = useStyles();
  const section = useSectionStyles();
  const [showAll, setShowAll] = useState(false);
  // "Show all" disappears once pressed; focus moves to the first problem it revealed, not to the page (WCAG 2.4.3).
  const [focusRevealed, setFocusRevealed] = useState(false);
  const firstRevealed = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!focusRevealed) return;
    firstRevealed.current?.focus();
    setFocusRevealed(false);
  }, [focusRevealed]);
  const ordered = useMemo(() => errorsFirst(problems), [problems]);
  if (problems.length === 0) return <Text>No problems found.</Text>;
  const shown = showAll ? ordered : ordered.slice(0, FIRST_PROBLEMS);
  return (
    <>
      <ul className={section.list}>
        {shown.map((problem, i) => {
          const severity = SEVERITY[problem.severity] ?? SEVERITY.warning;
          return (
            <li key={`${i}|${problem.sheet}|${problem.cell}`}>
              <Link
                as="button"
                ref={i === FIRST_PROBLEMS ? firstRevealed : undefined}
                className={styles.link}
                onClick={() => onSelect(problem.sheet, problem.cell || "A1")}
              >
                <span className={mergeClasses(styles.severity, problem.severity === "error" ? styles.error : styles.warning)}>
                  <span aria-hidden="true">{severity.symbol} </span>
                  {severity.label}:
                </span>{" "}
                {problemPlace(problem)} — {problem.message}
              </Link>
            </li>
          );
        })}
      </ul>
      {problems.length > shown.length && (
        <Button
          className={styles.showAll}
          size="small"
          onClick={() => {
            setShowAll(true);
            setFocusRevealed(true);
          }}
        >
          Show all ({problems.length})
        </Button>
      )}
    </>
  );
}
