// Rules: preset, reporting period, report date and committee; saved to the workbook on request.
import {
  Button,
  Dropdown,
  Field,
  Input,
  Option,
  Spinner,
  makeStyles,
  Text,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import { useFocusRing } from "./layout";
import { LiveRegion, Notice } from "./Notice";
import type { PaneSettings } from "../service";
import { checkPeriod, formatPeriod, periodEnd } from "../../engine/read/periods";
import { formatIsoDate } from "../../engine/vocab/format";
import type { Outcome } from "./useScorecard";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  half: { flexGrow: 1, flexBasis: "9em", minWidth: 0 },
  control: { width: "100%", minWidth: 0 },
  save: { alignSelf: "flex-start" },
  assumptions: { color: tokens.colorNeutralForeground2 },
});

export interface RulesPanelProps {
  settings: PaneSettings;
  presets: { key: string; name: string }[];
  disabled: boolean;
  saving: boolean;
  saveOutcome?: Outcome;
  /** What the last run assumed for the period and report date, and where it found them. */
  assumptions?: string;
  /** delayMs: 0 for a pick from a list; undefined (debounced) while typing. */
  onChange(next: PaneSettings, delayMs?: number): void;
  onSave(): void;
}

/** Empty text means "not set", so the host falls back to its defaults. */
const optional = (value: string) => (value.trim() === "" ? undefined : value);

/**
 * The period field's message (issue 12 item 4): an error for a period that is not Q1–Q4 of a real
 * year or a year ("June 2021", "Q5 2021/22"); else the report date a blank date field stands for,
 * which moves with the period while the user has not typed a date of their own.
 */
export function periodHints(period: string | undefined, reportDate: string | undefined): { periodError?: string; dateHint: string } {
  const checked = period?.trim() ? checkPeriod(period) : undefined;
  if (typeof checked === "string") return { periodError: `${checked.charAt(0).toUpperCase()}${checked.slice(1)}.`, dateHint: "Blank: the end of the period" };
  if (reportDate) return { dateHint: "As typed: it stays when the period changes" };
  const end = periodEnd(checked);
  return { dateHint: end && checked ? `Blank: ${formatIsoDate(end)}, the end of ${formatPeriod(checked)}` : "Blank: the end of the period the workbook names" };
}

export function RulesPanel({ settings, presets, disabled, saving, saveOutcome, assumptions, onChange, onSave }: RulesPanelProps) {
  const styles = useStyles();
  const control = mergeClasses(styles.control, useFocusRing().ring);
  const presetName = presets.find((p) => p.key === settings.preset)?.name ?? settings.preset;
  const hints = periodHints(settings.period, settings.reportDate);
  return (
    <div className={styles.form}>
      <Field label="Preset" hint="The statuses, colours and rules to rate by.">
        <Dropdown
          className={control}
          value={presetName}
          selectedOptions={[settings.preset]}
          disabled={disabled}
          onOptionSelect={(_, data) => {
            if (data.optionValue && data.optionValue !== settings.preset) onChange({ ...settings, preset: data.optionValue }, 0);
          }}
        >
          {presets.map((p) => (
            <Option key={p.key} value={p.key}>
              {p.name}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <div className={styles.row}>
        <Field
          className={styles.half}
          label="Reporting period"
          hint={hints.periodError ? undefined : "For example Q3 2010/11"}
          validationState={hints.periodError ? "error" : "none"}
          validationMessage={hints.periodError}
        >
          <Input
            className={control}
            value={settings.period ?? ""}
            placeholder="Q3 2010/11"
            disabled={disabled}
            onChange={(_, data) => onChange({ ...settings, period: optional(data.value) })}
          />
        </Field>
        <Field className={styles.half} label="Report date" hint={hints.dateHint}>
          <Input
            className={control}
            type="date"
            value={settings.reportDate ?? ""}
            disabled={disabled}
            onChange={(_, data) => onChange({ ...settings, reportDate: optional(data.value) })}
          />
        </Field>
      </div>
      {assumptions && <Text size={200} className={styles.assumptions} data-testid="assumptions">{assumptions}.</Text>}
      <Field label="Committee" hint="Leave blank for every committee.">
        <Input
          className={control}
          value={settings.committee ?? ""}
          disabled={disabled}
          onChange={(_, data) => onChange({ ...settings, committee: optional(data.value) })}
        />
      </Field>
      <Button
        className={styles.save}
        disabledFocusable={disabled}
        icon={saving ? <Spinner size="extra-tiny" /> : undefined}
        onClick={onSave}
      >
        Save to workbook
      </Button>
      <LiveRegion kind="status">
        {saveOutcome?.intent === "success" && <Notice intent="success" title={saveOutcome.title}>{saveOutcome.message}</Notice>}
      </LiveRegion>
      <LiveRegion kind="alert">
        {saveOutcome?.intent === "error" && <Notice intent="error" title={saveOutcome.title}>{saveOutcome.message}</Notice>}
      </LiveRegion>
    </div>
  );
}
