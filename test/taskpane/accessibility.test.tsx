/** @jest-environment jsdom */
// The pane for keyboard and screen-reader users (issue 10, item 6): focus after "Show all", failures in
// alert regions, one announcement per outcome, titled message bars, and few Tab stops to the problems.
import "./setup";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { App } from "../../src/taskpane/App";
import { FIRST_PROBLEMS } from "../../src/taskpane/components/ProblemsPanel";
import { pressEnter, tab } from "./keyboard";
import { PROBLEMS, mockService, paneState } from "./mockService";

async function renderLoaded(service = mockService()) {
  render(<App service={service} />);
  await screen.findByRole("heading", { name: /^Results/ });
  return service;
}

const LIVE = '[role="status"], [role="alert"], [aria-live]';

/**
 * Records what live regions would speak: each time a region's text changes to something non-empty.
 * Regions are matched by element, so a region that empties and refills counts twice.
 */
function recordAnnouncements(): { spoken: string[]; stop(): void } {
  const spoken: string[] = [];
  const last = new Map<Element, string>();
  const snapshot = () => {
    for (const region of document.querySelectorAll(LIVE)) {
      // Nested regions are read as part of the outer one.
      if (region.parentElement?.closest(LIVE)) continue;
      const text = region.textContent ?? "";
      if (text !== (last.get(region) ?? "") && text.trim() !== "") spoken.push(text);
      last.set(region, text);
    }
  };
  snapshot();
  spoken.length = 0;
  const observer = new MutationObserver(snapshot);
  observer.observe(document.body, { subtree: true, childList: true, characterData: true });
  return { spoken, stop: () => observer.disconnect() };
}

/** Each message bar on show is labelled by an element that exists and has text. */
function messageBarLabels(): string[] {
  return Array.from(document.querySelectorAll(".fui-MessageBar")).map((bar) => {
    const id = bar.getAttribute("aria-labelledby");
    const title = id ? document.getElementById(id) : null;
    return title?.textContent ?? `missing label #${id}`;
  });
}

describe("pane for keyboard and screen-reader users", () => {
  it("keeps focus in the problem list after Show all, on the first problem it revealed", async () => {
    const many = Array.from({ length: 63 }, (_, i) => ({ ...PROBLEMS[0], cell: `D${i + 5}` }));
    await renderLoaded(mockService(paneState({ problems: many })));
    const problems = screen.getByRole("region", { name: /^Problems/ });
    const showAll = within(problems).getByRole("button", { name: "Show all (63)" });
    act(() => showAll.focus());
    pressEnter();
    const list = within(problems).getByRole("list");
    expect(within(list).getAllByRole("listitem")).toHaveLength(63);
    expect(document.activeElement).toBe(within(list).getAllByRole("button")[FIRST_PROBLEMS]);
    expect(document.activeElement?.textContent).toContain(`KPIs!D${FIRST_PROBLEMS + 5} `);
    // The next Tab goes on down the list, not back to the top of the page.
    expect(tab()).toBe(within(list).getAllByRole("button")[FIRST_PROBLEMS + 1]);
  });

  it("lists errors before warnings, so an unreadable figure is never behind Show all (helper-128)", async () => {
    const warnings = Array.from({ length: 60 }, (_, i) => ({ sheet: "KPIs", cell: `M${i + 5}`, severity: "warning" as const, message: `R${i}: Rated Off target with no commentary from the lead officer.` }));
    const error = { sheet: "KPIs", cell: "E90", severity: "error" as const, message: "R90: unreadable figure: about twelve" };
    await renderLoaded(mockService(paneState({ problems: [...warnings.slice(0, 30), error, ...warnings.slice(30)] })));
    const list = within(screen.getByRole("region", { name: /^Problems/ })).getByRole("list");
    const items = within(list).getAllByRole("listitem");
    expect(items).toHaveLength(FIRST_PROBLEMS);
    expect(items[0].textContent).toContain("KPIs!E90 — R90: unreadable figure");
    expect(items[1].textContent).toContain("KPIs!M5 ");
  });

  it("announces a failed first read in an alert region that was there before it failed", async () => {
    const service = mockService();
    service.detect.mockRejectedValueOnce(new Error("This add-in needs Excel 2021 or Microsoft 365."));
    render(<App service={service} />);
    const before = screen.getAllByRole("alert");
    const alert = await waitFor(() => {
      const found = screen.getAllByRole("alert").find((a) => a.textContent?.includes("needs Excel 2021"));
      if (!found) throw new Error("no alert yet");
      return found;
    });
    expect(before).toContain(alert);
    expect(alert.textContent).toContain("Could not read the workbook");
    expect(within(alert).getByRole("button", { name: "Try again" })).toBeTruthy();
  });

  it("announces a failed re-read as an alert", async () => {
    const service = await renderLoaded();
    service.detect.mockRejectedValueOnce(new Error("Sheet “KPIs” cell D4: the workbook is busy; try again."));
    const results = screen.getByRole("region", { name: /^Results/ });
    const alert = within(results).getByRole("alert");
    fireEvent.change(screen.getByRole("textbox", { name: /Reporting period/ }), { target: { value: "Q4" } });
    await waitFor(() => expect(alert.textContent).toContain("the workbook is busy"));
    expect(alert.textContent).toContain("Could not update the results");
  });

  it("announces a failed cell selection as an alert beside the problems", async () => {
    const service = await renderLoaded();
    service.selectCell.mockRejectedValueOnce(new Error("Sheet “KPIs” is protected, so cell C9 cannot be selected."));
    const problems = screen.getByRole("region", { name: /^Problems/ });
    const alert = within(problems).getByRole("alert");
    const problem = within(problems).getByRole("button", { name: /KPIs!C9/ });
    act(() => problem.focus());
    pressEnter();
    await waitFor(() => expect(alert.textContent).toContain("cell C9 cannot be selected"));
    expect(alert.textContent).toContain("Could not select the cell");
  });

  it("announces Apply colours once, with its outcome, however many progress steps the host reports", async () => {
    const service = mockService();
    const steps = ["Reading the workbook", "Rating KPIs", "Colouring KPIs", "Colouring Action plan", "Saving"];
    const shown: string[] = [];
    service.applyColours.mockImplementation(async (_settings, progress: (f: number, s: string) => void) => {
      for (const [i, step] of steps.entries()) {
        act(() => progress(i / steps.length, step));
        await waitFor(() => screen.getByText(step));
        shown.push(step);
      }
      return { message: "Coloured 20 rows on 2 sheets.", state: paneState() };
    });
    await renderLoaded(service);
    const recorder = recordAnnouncements();
    fireEvent.click(screen.getByRole("button", { name: "Apply colours" }));
    await screen.findByText("Coloured 20 rows on 2 sheets.", {}, { timeout: 10_000 });
    // The steps were shown...
    expect(shown).toEqual(steps);
    // ...but only the outcome was spoken.
    expect(recorder.spoken).toEqual(["Colours appliedColoured 20 rows on 2 sheets."]);

    // Saving the rules speaks its own outcome and does not repeat the last action's.
    recorder.spoken.length = 0;
    fireEvent.click(screen.getByRole("button", { name: "Save to workbook" }));
    await screen.findByText("Rules saved to the Scorecard Rules sheet.");
    expect(recorder.spoken).toEqual(["Rules savedRules saved to the Scorecard Rules sheet."]);
    expect(screen.getByText("Coloured 20 rows on 2 sheets.")).toBeTruthy();
    recorder.stop();
  });

  it("says under the buttons what Excel's Undo will do, as part of the one announcement", async () => {
    const service = mockService();
    const undo = "Undo (Ctrl+Z) in Excel takes the colours off again in one step.";
    service.applyColours.mockResolvedValueOnce({ message: "Coloured 20 rows on 2 sheets.", undo, state: paneState() });
    await renderLoaded(service);
    const recorder = recordAnnouncements();
    fireEvent.click(screen.getByRole("button", { name: "Apply colours" }));
    await screen.findByText(undo);
    const actions = screen.getByRole("region", { name: "Actions" });
    expect(within(actions).getByRole("status").textContent).toBe(`Colours appliedColoured 20 rows on 2 sheets.${undo}`);
    expect(recorder.spoken).toEqual([`Colours appliedColoured 20 rows on 2 sheets.${undo}`]);
    recorder.stop();
  });

  it("shows the host's note in the alert region when a problem's sheet is hidden", async () => {
    const service = mockService();
    const note = "Sheet “KPIs” is hidden: unhide it to see cell C9.";
    service.selectCell.mockResolvedValueOnce(note);
    await renderLoaded(service);
    const problems = screen.getByRole("region", { name: /^Problems/ });
    const alert = within(problems).getByRole("alert");
    fireEvent.click(within(problems).getByRole("button", { name: /KPIs!C9/ }));
    await waitFor(() => expect(alert.textContent).toBe(`Cannot show that cell${note}`));
    // A later choice that works clears it.
    fireEvent.click(within(problems).getByRole("button", { name: /KPIs!D7/ }));
    await waitFor(() => expect(alert.textContent).toBe(""));
  });

  it("announces a failed action once, as an alert", async () => {
    const service = mockService();
    service.buildSummary.mockRejectedValueOnce(new Error("Sheet “KPIs” is protected: unprotect it and try again (cell D4)."));
    await renderLoaded(service);
    const recorder = recordAnnouncements();
    fireEvent.click(screen.getByRole("button", { name: "Build summary" }));
    await screen.findByText(/unprotect it/);
    expect(recorder.spoken).toEqual(["Could not build the summarySheet “KPIs” is protected: unprotect it and try again (cell D4)."]);
    const alert = screen.getAllByRole("alert").find((a) => a.textContent?.includes("unprotect"));
    expect(alert).toBeTruthy();
    recorder.stop();
  });

  it("labels every message bar by a title that exists", async () => {
    const service = mockService();
    service.selectCell.mockRejectedValueOnce(new Error("Sheet “KPIs” cell C9 could not be selected."));
    await renderLoaded(service);
    fireEvent.click(screen.getByRole("button", { name: "Apply colours" }));
    await screen.findByText("Coloured 20 rows on 2 sheets.");
    fireEvent.click(screen.getByRole("button", { name: "Save to workbook" }));
    await screen.findByText("Rules saved to the Scorecard Rules sheet.");
    fireEvent.click(screen.getByRole("button", { name: /KPIs!C9/ }));
    await screen.findByText("Sheet “KPIs” cell C9 could not be selected.");
    expect(messageBarLabels().sort()).toEqual(["Colours applied", "Could not select the cell", "Rules saved"]);
  });

  it("reaches the first problem in five Tab presses, with the detected tables closed", async () => {
    await renderLoaded(mockService(paneState({ tables: [...Array(7)].flatMap((_, i) => paneState().tables.map((t) => ({ ...t, sheet: `${t.sheet} ${i + 1}` }))) })));
    const stops = [1, 2, 3, 4, 5].map(() => tab());
    const problemList = within(screen.getByRole("region", { name: /^Problems/ })).getByRole("list");
    const firstProblem = within(problemList).getAllByRole("button")[0];
    expect(stops).toEqual([
      screen.getByRole("button", { name: "Apply colours" }),
      screen.getByRole("button", { name: "Build summary" }),
      screen.getByRole("button", { name: "Remove colours" }),
      screen.getByRole("button", { name: /^Problems \(2\)/ }),
      firstProblem,
    ]);
    const tables = screen.getByRole("button", { name: "Detected tables (14)" });
    expect(tables.getAttribute("aria-expanded")).toBe("false");
    // Opening them with the keyboard shows each table.
    act(() => tables.focus());
    pressEnter();
    expect(tables.getAttribute("aria-expanded")).toBe("true");
    expect(screen.getAllByRole("button", { name: /^Column mapping/ })).toHaveLength(14);
  });
});
