// The tables found on each sheet, with a column mapping the user can correct role by role.
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Dropdown,
  Field,
  Option,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import type { Role } from "../../engine/vocab/types";
import type { ColumnOverride } from "../../engine/rate/workbook";
import type { DetectedColumn, DetectedTable } from "../service";
import { useFocusRing, useSectionStyles } from "./layout";
import { ROLE_CHOICES, isRole, roleName } from "./roles";
import { findOverride } from "./settings";

const KIND_NAMES = { indicator: "Indicators", activity: "Activities" } as const;

const useStyles = makeStyles({
  table: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    paddingBottom: tokens.spacingVerticalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  title: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
  control: { width: "100%", minWidth: 0 },
  column: { paddingBottom: tokens.spacingVerticalXS },
  label: { display: "inline-flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalXS, overflowWrap: "anywhere" },
  panel: { margin: `0 0 ${tokens.spacingVerticalS}` },
});

export interface TablesPanelProps {
  tables: DetectedTable[];
  overrides: readonly ColumnOverride[];
  disabled: boolean;
  onRoleChange(sheet: string, header: string, role: Role): void;
}

export function TablesPanel({ tables, overrides, disabled, onRoleChange }: TablesPanelProps) {
  const styles = useStyles();
  const section = useSectionStyles();
  if (tables.length === 0) {
    return <Text>No indicator or activity table found. Check that each table has a header row with a name and a status or figures.</Text>;
  }
  return (
    <ul className={section.list}>
      {tables.map((table) => (
        <li key={`${table.sheet}|${table.headerRow}`} className={styles.table}>
          <div className={styles.title}>
            <h3 className={section.subheading}>{table.sheet}</h3>
            <Badge appearance="tint" color={table.kind === "indicator" ? "brand" : "informative"}>
              {KIND_NAMES[table.kind]}
            </Badge>
          </div>
          <Text size={200}>
            Header row {table.headerRow} · {table.rows} {table.rows === 1 ? "row" : "rows"}
          </Text>
          <Accordion collapsible>
            <AccordionItem value="columns">
              <AccordionHeader as="h4" size="small">
                Column mapping ({table.columns.length})
              </AccordionHeader>
              <AccordionPanel className={styles.panel}>
                <ul className={section.list}>
                  {table.columns.map((column) => (
                    <li key={column.column} className={styles.column}>
                      <ColumnRole
                        table={table}
                        column={column}
                        override={findOverride(overrides, table.sheet, column.header)}
                        disabled={disabled}
                        onRoleChange={onRoleChange}
                      />
                    </li>
                  ))}
                </ul>
              </AccordionPanel>
            </AccordionItem>
          </Accordion>
        </li>
      ))}
    </ul>
  );
}

interface ColumnRoleProps {
  table: DetectedTable;
  column: DetectedColumn;
  override?: ColumnOverride;
  disabled: boolean;
  onRoleChange(sheet: string, header: string, role: Role): void;
}

function ColumnRole({ table, column, override, disabled, onRoleChange }: ColumnRoleProps) {
  const styles = useStyles();
  const ring = useFocusRing().ring;
  // Show the user's choice at once, before the re-read comes back with it applied.
  const role = override?.role ?? column.role;
  const choices = ROLE_CHOICES.includes(role) ? ROLE_CHOICES : [role, ...ROLE_CHOICES];
  const header = column.header.trim() || "(no header)";
  return (
    <Field
      size="small"
      label={
        <span className={styles.label}>
          <span>
            {column.column}: {header}
          </span>
          {override && (
            <Badge size="small" appearance="outline" color="informative">
              Changed
            </Badge>
          )}
        </span>
      }
    >
      <Dropdown
        className={mergeClasses(styles.control, ring)}
        size="small"
        value={roleName(role)}
        selectedOptions={[role]}
        disabled={disabled}
        onOptionSelect={(_, data) => {
          if (isRole(data.optionValue) && data.optionValue !== role) onRoleChange(table.sheet, column.header, data.optionValue);
        }}
      >
        {choices.map((r) => (
          <Option key={r} value={r}>
            {roleName(r)}
          </Option>
        ))}
      </Dropdown>
    </Field>
  );
}
