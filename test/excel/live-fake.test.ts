// The fake's events and data validation, held to what the Office.js documentation says.
import type { XlChangedEventArgs, XlLiveRequestContext } from "../../src/excel/live/api";
import { live } from "../../src/excel/live/api";
import { parseAddress } from "../../src/excel/a1";
import { createFakeExcel, FakeOfficeError } from "../../src/fake-excel";

const book = (apiVersion?: string) => createFakeExcel({ sheets: [{ name: "Data", values: [["a", 1], ["b", 2]] }, { name: "Other" }], apiVersion });

async function listen(fake: ReturnType<typeof book>, sync = true) {
  const seen: XlChangedEventArgs[] = [];
  const context = await fake.run(async (ctx) => {
    live(ctx).workbook.worksheets.onChanged.add(async (e) => void seen.push(e));
    if (sync) await ctx.sync();
    return ctx;
  });
  return { seen, context };
}

describe("fake worksheet events", () => {
  test("a user's edit raises onChanged with its address, source and a single cell's details", async () => {
    const fake = book();
    const { seen } = await listen(fake);
    fake.user.type("Data", "B2", [[5]]);
    fake.user.type("Data", "A1:B1", [["x", 9]], { source: "remote" });
    await fake.user.settled();
    expect(seen[0]).toEqual(expect.objectContaining({ address: "B2", changeType: "RangeEdited", source: "Local", triggerSource: "Unknown" }));
    expect(seen[0].details).toEqual(expect.objectContaining({ valueBefore: 2, valueAfter: 5 }));
    // Several cells: no details, as documented.
    expect(seen[1]).toEqual(expect.objectContaining({ address: "A1:B1", source: "Remote" }));
    expect(seen[1].details).toBeUndefined();
  });

  test("the add-in's own writes raise onChanged after the request, as ThisLocalAddin from ExcelApi 1.14 only", async () => {
    for (const [version, trigger] of [["1.14", "ThisLocalAddin"], ["1.13", undefined]] as const) {
      const fake = book(version);
      const { seen } = await listen(fake);
      await fake.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Data").getRange("A2").values = [["c"]];
        ctx.workbook.worksheets.getItem("Data").getRange("B1").format.fill.color = "#FF0000";
        await ctx.sync();
      });
      await fake.user.settled();
      // Formatting raises no onChanged (it has onFormatChanged).
      expect(seen.map((e) => e.address)).toEqual(["A2"]);
      expect(seen[0].triggerSource).toBe(trigger);
    }
  });

  test("formats set by the add-in or a person raise onFormatChanged (ExcelApi 1.9), not onChanged; values raise none", async () => {
    const fake = book();
    const { seen } = await listen(fake);
    const formats: { address: string; source: string; worksheetId: string }[] = [];
    await fake.run(async (ctx) => {
      live(ctx).workbook.worksheets.onFormatChanged.add(async (e) => void formats.push(e));
      await ctx.sync();
    });
    await fake.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Data");
      ws.getRange("A2").values = [["c"]];
      ws.getRange("B1:B2").format.fill.color = "#FF0000";
      ws.getRange("D4").numberFormat = [["0%"]];
      await ctx.sync();
    });
    fake.user.setNumberFormat("Data", "B2", "0.0%");
    fake.user.setFill("Data", "A1", "#FFFF00", { source: "remote" });
    await fake.user.settled();
    // The sheet's id, as onChanged gave it for the value written there.
    const id = seen[0].worksheetId;
    expect(formats).toEqual([
      { address: "B1:B2", source: "Local", worksheetId: id },
      { address: "D4", source: "Local", worksheetId: id },
      { address: "B2", source: "Local", worksheetId: id },
      { address: "A1", source: "Remote", worksheetId: id },
    ]);
    expect(seen.map((e) => e.address)).toEqual(["A2"]);
    expect(fake.sheet("Data")!.cell("B2")).toEqual(expect.objectContaining({ value: 2, numberFormat: "0.0%" }));
    // The collection's event is ExcelApi 1.9, as its onChanged.
    const old = book("1.8");
    await expect(old.run(async (ctx) => {
      live(ctx).workbook.worksheets.onFormatChanged.add(async () => undefined);
      await ctx.sync();
    })).rejects.toThrow(/ExcelApi 1.9/);
  });

  test("a handler added without a sync of its own is sent when the run ends, as Excel.run sends what is queued", async () => {
    const fake = book();
    const { seen } = await listen(fake, false);
    fake.user.type("Data", "B2", [[5]]);
    await fake.user.settled();
    expect(seen).toHaveLength(1);
    expect(fake.user.handlerCount()).toBe(1);
  });

  test("a handler is removed only in the request context it was added in", async () => {
    const fake = book();
    const result = await fake.run(async (ctx) => {
      const r = live(ctx).workbook.worksheets.onChanged.add(async () => undefined);
      await ctx.sync();
      return { r, ctx };
    });
    await expect(fake.run(async () => result.r.remove())).rejects.toThrow(FakeOfficeError);
    await fake.runIn(result.ctx, async (ctx) => {
      result.r.remove();
      await ctx.sync();
    });
    expect(fake.user.handlerCount()).toBe(0);
  });

  test("onNameChanged needs ExcelApi 1.17; add, delete and rename raise their events", async () => {
    await expect(fake16()).rejects.toMatchObject({ code: "ApiNotFound" });
    const fake = book();
    const names: string[] = [];
    await fake.run(async (ctx) => {
      const ws = live(ctx).workbook.worksheets;
      ws.onAdded.add(async (e) => void names.push(`added ${e.source}`));
      ws.onDeleted.add(async (e) => void names.push(`deleted ${e.source}`));
      ws.onNameChanged.add(async (e) => void names.push(`${e.nameBefore} -> ${e.nameAfter}`));
      await ctx.sync();
    });
    fake.user.addSheet("New");
    fake.user.renameSheet("New", "Newer", { source: "remote" });
    fake.user.deleteSheet("Newer");
    await fake.user.settled();
    expect(names).toEqual(["added Local", "New -> Newer", "deleted Local"]);
  });

  test("inserting rows moves values and validation, and raises RowInserted with the rows' address", async () => {
    const fake = book();
    await fake.run(async (ctx) => {
      live(ctx).workbook.worksheets.getItem("Data").getRange("B1").dataValidation.rule = { list: { inCellDropDown: true, source: "1,2" } };
      await ctx.sync();
    });
    const { seen } = await listen(fake);
    fake.user.insertRows("Data", 0, 2);
    await fake.user.settled();
    expect(fake.sheet("Data")!.cell("A3").value).toBe("a");
    expect(fake.user.validation("Data", "B3")?.rule?.list?.source).toBe("1,2");
    expect(fake.user.validation("Data", "B1")).toBeUndefined();
    // Whole rows 1 and 2 (the host reads "1:2" and "A1:XFD2" alike).
    expect(parseAddress(seen[0].address)).toEqual({ top: 0, bottom: 1, left: 0, right: 16383 });
    expect(seen[0].changeType).toBe("RowInserted");
  });
});

async function fake16(): Promise<void> {
  const fake = book("1.16");
  await fake.run(async (ctx: unknown) => {
    (ctx as XlLiveRequestContext).workbook.worksheets.onNameChanged.add(async () => undefined);
    await (ctx as XlLiveRequestContext).sync();
  });
}

describe("fake data validation", () => {
  const rangeOf = (ctx: unknown, address: string) => (ctx as XlLiveRequestContext).workbook.worksheets.getItem("Data").getRange(address);

  test("a list rule, an alert that never refuses and an input message; type and reads over mixed cells", async () => {
    const fake = book();
    const out = await fake.run(async (ctx) => {
      const dv = rangeOf(ctx, "C1:C2").dataValidation;
      dv.rule = { list: { inCellDropDown: true, source: "Red,Amber,Green" } };
      dv.errorAlert = { showAlert: false, style: "Information", title: "", message: "" };
      dv.prompt = { showPrompt: true, title: "Status", message: "Choose one" };
      const whole = rangeOf(ctx, "C1:C2").dataValidation.load("type,rule");
      const mixed = rangeOf(ctx, "C1:C3").dataValidation.load("type,rule");
      await ctx.sync();
      return { whole: [whole.type, whole.rule], mixed: [mixed.type, mixed.rule] };
    });
    expect(out.whole).toEqual(["List", { list: { inCellDropDown: true, source: "Red,Amber,Green" } }]);
    expect(out.mixed).toEqual(["Inconsistent", null]);
    expect(fake.user.validation("Data", "C2")?.errorAlert.showAlert).toBe(false);
  });

  test.each([
    ["two kinds of criteria", { list: { source: "A,B" }, custom: { formula: "=TRUE" } }],
    ["a list over 255 characters", { list: { source: "x".repeat(256) } }],
  ])("refuses %s", async (_, rule) => {
    const fake = book();
    await expect(
      fake.run(async (ctx) => {
        rangeOf(ctx, "C1").dataValidation.rule = rule as never;
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidArgument" });
  });

  test("a different rule over an existing one is refused until clear()", async () => {
    const fake = book();
    const set = (source: string, clear = false) =>
      fake.run(async (ctx) => {
        if (clear) rangeOf(ctx, "C1").dataValidation.clear();
        rangeOf(ctx, "C1").dataValidation.rule = { list: { inCellDropDown: true, source } };
        await ctx.sync();
      });
    await set("A,B");
    await expect(set("C,D")).rejects.toMatchObject({ code: "InvalidOperation" });
    await set("C,D", true);
    expect(fake.user.validation("Data", "C1")?.rule).toEqual({ list: { inCellDropDown: true, source: "C,D" } });
  });

  test("needs ExcelApi 1.8", async () => {
    const fake = book("1.7");
    await expect(
      fake.run(async (ctx) => {
        rangeOf(ctx, "C1").dataValidation.load("type");
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "ApiNotFound" });
  });
});
