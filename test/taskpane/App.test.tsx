/** @jest-environment jsdom */
import "./setup";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { App } from "../../src/taskpane/App";
import { pressEnter, tab } from "./keyboard";
import { PROBLEMS, mockService, paneState } from "./mockService";

async function renderLoaded(service = mockService()) {
  render(<App service={service} />);
  await screen.findByRole("heading", { name: /^Results/ });
  return service;
}

const region = (name: RegExp) => screen.getByRole("region", { name });

describe("task pane", () => {
  it("shows a spinner while reading, then counts by status with symbol, label and count", async () => {
    const service = mockService();
    render(<App service={service} />);
    expect(screen.getByText("Reading the workbook…")).toBeTruthy();
    await screen.findByRole("heading", { name: "Indicators (12)" });
    expect(service.detect).toHaveBeenCalledWith();

    const indicators = screen.getByRole("list", { name: "Indicators (12)" });
    const chips = within(indicators).getAllByRole("listitem").map((li) => li.textContent);
    expect(chips).toEqual(["✓On target 7", "●Within tolerance 3", "▲Off target 2", "?No data 0", "iData only 0"]);
    const activities = screen.getByRole("list", { name: "Activities (8)" });
    expect(within(activities).getByText("Overdue").parentElement?.textContent).toBe("▲Overdue 1");
    // Chips wear the scheme's own colours.
    const green = indicators.querySelector<HTMLElement>('[data-status="green"]');
    expect(green?.style.backgroundColor).not.toBe("");
  });

  it("shows the host's error when the first read fails, and can try again", async () => {
    const service = mockService();
    service.detect.mockRejectedValueOnce(new Error("This add-in needs Excel with ExcelApi 1.9 or later."));
    render(<App service={service} />);
    expect(await screen.findByText("This add-in needs Excel with ExcelApi 1.9 or later.")).toBeTruthy();
    expect(screen.getByRole("button", { name: "Apply colours" }).getAttribute("aria-disabled")).toBe("true");
    fireEvent.click(screen.getByRole("button", { name: "Try again" }));
    await screen.findByRole("heading", { name: /^Results/ });
    expect(service.detect).toHaveBeenCalledTimes(2);
  });

  it.each([
    { button: "Apply colours", method: "applyColours", message: "Coloured 20 rows on 2 sheets." },
    { button: "Build summary", method: "buildSummary", message: "Built the summary sheet “Performance Q3 2010/11”." },
    { button: "Remove colours", method: "removeColours", message: "Removed colours from 2 sheets." },
  ] as const)("$button calls service.$method and shows its message", async ({ button, method, message }) => {
    const service = await renderLoaded();
    fireEvent.click(screen.getByRole("button", { name: button }));
    expect(await screen.findByText(message)).toBeTruthy();
    const settings = paneState().settings;
    if (method === "removeColours") expect(service.removeColours).toHaveBeenCalledWith(expect.any(Function));
    else expect(service[method]).toHaveBeenCalledWith(settings, expect.any(Function));
    expect(screen.getAllByRole("status").some((s) => s.textContent?.includes(message))).toBe(true);
  });

  it("disables the actions and shows the step while an action runs", async () => {
    const service = mockService();
    let finish: () => void = () => undefined;
    service.applyColours.mockImplementation(
      (_settings, progress: (f: number, s: string) => void) =>
        new Promise((resolve) => {
          progress(0.5, "Colouring KPIs");
          finish = () => resolve({ message: "Coloured 20 rows on 2 sheets.", state: paneState() });
        }),
    );
    await renderLoaded(service);
    fireEvent.click(screen.getByRole("button", { name: "Apply colours" }));
    expect(await screen.findByText("Colouring KPIs")).toBeTruthy();
    expect(screen.getByRole("progressbar").getAttribute("aria-valuenow")).toBe("0.5");
    for (const name of ["Apply colours", "Build summary", "Remove colours"]) {
      expect(screen.getByRole("button", { name }).getAttribute("aria-disabled")).toBe("true");
    }
    await act(async () => finish());
    expect(await screen.findByText("Coloured 20 rows on 2 sheets.")).toBeTruthy();
    expect(screen.queryByRole("progressbar")).toBeNull();
  });

  it("shows a failed action's message as the host wrote it", async () => {
    const service = mockService();
    service.buildSummary.mockRejectedValueOnce(new Error("Sheet “KPIs” is protected: unprotect it and try again (cell D4)."));
    await renderLoaded(service);
    fireEvent.click(screen.getByRole("button", { name: "Build summary" }));
    expect(await screen.findByText("Sheet “KPIs” is protected: unprotect it and try again (cell D4).")).toBeTruthy();
    expect(screen.getByText("Could not build the summary")).toBeTruthy();
  });

  it("selects a problem's cell when the problem is chosen", async () => {
    const service = await renderLoaded();
    const problems = region(/^Problems/);
    fireEvent.click(within(problems).getByRole("button", { name: /Error: KPIs!C9 — The target #DIV\/0!/ }));
    expect(service.selectCell).toHaveBeenCalledWith("KPIs", "C9");
  });

  it("lists the first 50 problems and shows the rest on request", async () => {
    const many = Array.from({ length: 63 }, (_, i) => ({ ...PROBLEMS[0], cell: `D${i + 5}` }));
    await renderLoaded(mockService(paneState({ problems: many })));
    const problems = region(/^Problems/);
    expect(within(problems).getAllByRole("listitem")).toHaveLength(50);
    fireEvent.click(within(problems).getByRole("button", { name: "Show all (63)" }));
    expect(within(problems).getAllByRole("listitem")).toHaveLength(63);
  });

  it("adds a column override when a role is corrected, and reads the workbook again", async () => {
    const service = await renderLoaded();
    fireEvent.click(screen.getByRole("button", { name: /^Detected tables/ }));
    const tables = region(/^Detected tables/);
    const kpis = within(tables).getByRole("heading", { name: "KPIs" }).closest("li") as HTMLElement;
    fireEvent.click(within(kpis).getByRole("button", { name: "Column mapping (7)" }));
    const dropdown = within(kpis).getByRole("combobox", { name: /G: Responsible officer/ });
    expect(dropdown.textContent).toContain("Ignore");
    fireEvent.click(dropdown);
    fireEvent.click(await screen.findByRole("option", { name: "Lead officer" }));

    await waitFor(() => expect(service.detect).toHaveBeenCalledTimes(2));
    expect(service.detect).toHaveBeenLastCalledWith({
      ...paneState().settings,
      columnOverrides: [{ sheet: "KPIs", header: "Responsible officer", role: "lead" }],
    });
    expect(within(kpis).getByRole("combobox", { name: /G: Responsible officer/ }).textContent).toContain("Lead officer");

    // Actions then use the corrected mapping.
    fireEvent.click(screen.getByRole("button", { name: "Apply colours" }));
    await screen.findByText("Coloured 20 rows on 2 sheets.");
    expect(service.applyColours.mock.calls[0][0].columnOverrides).toEqual([
      { sheet: "KPIs", header: "Responsible officer", role: "lead" },
    ]);
  });

  it("re-reads after the reporting period is typed, once typing pauses", async () => {
    const service = await renderLoaded();
    const period = screen.getByRole("textbox", { name: /Reporting period/ });
    fireEvent.change(period, { target: { value: "Q4" } });
    fireEvent.change(period, { target: { value: "Q4 2010/11" } });
    await waitFor(() => expect(service.detect).toHaveBeenCalledTimes(2));
    expect(service.detect).toHaveBeenLastCalledWith(expect.objectContaining({ period: "Q4 2010/11" }));
  });

  it("saves the rules to the workbook", async () => {
    const service = await renderLoaded();
    fireEvent.change(screen.getByRole("textbox", { name: /Committee/ }), { target: { value: "Scrutiny" } });
    fireEvent.click(screen.getByRole("button", { name: "Save to workbook" }));
    expect(await screen.findByText("Rules saved to the Scorecard Rules sheet.")).toBeTruthy();
    expect(service.saveSettings).toHaveBeenCalledWith(expect.objectContaining({ committee: "Scrutiny", preset: "rag" }));
  });

  it("reaches the three actions with Tab and runs one with Enter", async () => {
    const service = await renderLoaded();
    expect(tab()).toBe(screen.getByRole("button", { name: "Apply colours" }));
    expect(tab()).toBe(screen.getByRole("button", { name: "Build summary" }));
    expect(tab()).toBe(screen.getByRole("button", { name: "Remove colours" }));
    pressEnter();
    expect(await screen.findByText("Removed colours from 2 sheets.")).toBeTruthy();
    expect(service.removeColours).toHaveBeenCalledTimes(1);
  });

  it("gives every control an accessible name, column roles included", async () => {
    await renderLoaded();
    fireEvent.click(screen.getByRole("button", { name: /^Detected tables/ }));
    for (const item of screen.getAllByRole("button", { name: /^Column mapping/ })) fireEvent.click(item);
    for (const role of ["button", "combobox", "textbox"] as const) {
      const all = screen.getAllByRole(role);
      const named = screen.getAllByRole(role, { name: /\S/ });
      expect({ role, count: named.length }).toEqual({ role, count: all.length });
    }
    // 7 + 5 column roles and the preset.
    expect(screen.getAllByRole("combobox")).toHaveLength(13);
  });
});

