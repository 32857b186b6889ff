/** @jest-environment jsdom */
// Issue 12 item 4 in the pane: a period must be Q1–Q4 of a real year or a year, and a report date
// left blank moves with the period while one the user typed stays.
import "./setup";
import { fireEvent, render, screen } from "@testing-library/react";
import { useState } from "react";
import { periodHints, RulesPanel } from "../../src/taskpane/components/RulesPanel";
import type { PaneSettings } from "../../src/taskpane/service";

describe("periodHints: RULES §10 written forms in the pane", () => {
  test.each([
    ["Q3 2010/11", undefined, undefined, "Blank: 31/12/2010, the end of Q3 2010/11"],
    ["Q4 2010/11", undefined, undefined, "Blank: 31/03/2011, the end of Q4 2010/11"],
    ["2021/22", undefined, undefined, "Blank: 31/03/2022, the end of 2021/22"],
    ["Q3 2010/11", "2011-01-15", undefined, "As typed: it stays when the period changes"],
    ["June 2021", undefined, /not a quarter and financial year/, "Blank: the end of the period"],
    ["Q5 2021/22", undefined, /no quarter 5/, "Blank: the end of the period"],
    [undefined, undefined, undefined, "Blank: the end of the period the workbook names"],
  ] as const)("period %s, report date %s", (period, reportDate, error, dateHint) => {
    const got = periodHints(period, reportDate);
    expect(got.dateHint).toBe(dateHint);
    if (error) expect(got.periodError).toMatch(error);
    else expect(got.periodError).toBeUndefined();
  });
});

function Harness({ initial }: { initial: PaneSettings }) {
  const [settings, setSettings] = useState(initial);
  return <RulesPanel settings={settings} presets={[{ key: "rag", name: "RAG" }]} disabled={false} saving={false} onChange={setSettings} onSave={() => undefined} />;
}

test("the pane shows the error for June 2021 and moves a defaulted report date with the period", () => {
  render(<Harness initial={{ preset: "rag", columnOverrides: [] }} />);
  const period = screen.getByRole("textbox", { name: /Reporting period/ });
  fireEvent.change(period, { target: { value: "June 2021" } });
  expect(screen.getByText(/not a quarter and financial year/)).toBeTruthy();
  fireEvent.change(period, { target: { value: "Q3 2010/11" } });
  expect(screen.getByText("Blank: 31/12/2010, the end of Q3 2010/11")).toBeTruthy();
  fireEvent.change(period, { target: { value: "Q4 2010/11" } });
  expect(screen.getByText("Blank: 31/03/2011, the end of Q4 2010/11")).toBeTruthy();
});

test("the pane says what the run assumed for the period and report date, and where it found them (RULES §10)", () => {
  const assumptions = "Period Q3 2010/11, from 'Community Safety'!A2; report date 31/12/2010, the end of that period";
  render(<RulesPanel settings={{ preset: "rag", columnOverrides: [] }} presets={[{ key: "rag", name: "RAG" }]} disabled={false} saving={false} assumptions={assumptions} onChange={() => undefined} onSave={() => undefined} />);
  expect(screen.getByTestId("assumptions").textContent).toBe(`${assumptions}.`);
});
