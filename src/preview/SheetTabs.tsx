// Sheet tabs for the preview's workbook: a WAI-ARIA tab list (arrow keys, Home and End move between sheets).
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { useRef } from "react";
import type { KeyboardEvent } from "react";

const useStyles = makeStyles({
  list: {
    display: "flex",
    flexWrap: "wrap",
    gap: "2px",
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS} 0`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground3,
  },
  tab: {
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderBottomStyle: "none",
    borderRadius: `${tokens.borderRadiusMedium} ${tokens.borderRadiusMedium} 0 0`,
    backgroundColor: tokens.colorNeutralBackground2,
    color: tokens.colorNeutralForeground1,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    cursor: "pointer",
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "-2px" },
  },
  active: {
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorBrandForeground1,
    fontWeight: tokens.fontWeightSemibold,
    boxShadow: `inset 0 -3px 0 ${tokens.colorBrandStroke1}`,
  },
});

export interface SheetTabsProps {
  sheets: string[];
  active: string;
  /** Id of the element showing the active sheet. */
  panelId: string;
  tabId(sheet: string): string;
  onSelect(sheet: string): void;
}

export function SheetTabs({ sheets, active, panelId, tabId, onSelect }: SheetTabsProps) {
  const styles = useStyles();
  const refs = useRef(new Map<string, HTMLButtonElement>());
  const move = (e: KeyboardEvent, index: number) => {
    const last = sheets.length - 1;
    const next = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: last }[e.key];
    if (next === undefined) return;
    e.preventDefault();
    const sheet = sheets[(next + sheets.length) % sheets.length];
    onSelect(sheet);
    refs.current.get(sheet)?.focus();
  };
  return (
    <div role="tablist" aria-label="Sheets" className={styles.list}>
      {sheets.map((sheet, i) => (
        <button
          key={sheet}
          ref={(el) => {
            if (el) refs.current.set(sheet, el);
            else refs.current.delete(sheet);
          }}
          type="button"
          role="tab"
          id={tabId(sheet)}
          aria-selected={sheet === active}
          aria-controls={panelId}
          tabIndex={sheet === active ? 0 : -1}
          className={mergeClasses(styles.tab, sheet === active && styles.active)}
          onClick={() => onSelect(sheet)}
          onKeyDown={(e) => move(e, i)}
        >
          {sheet}
        </button>
      ))}
    </div>
  );
}
