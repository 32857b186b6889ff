// The fake must be at least as strict as Excel where add-ins usually go wrong.
import type { XlRequestContext } from "../../src/excel/api";
import { createFakeExcel, FakeOfficeError } from "../../src/fake-excel";

const book = () =>
  createFakeExcel({
    sheets: [
      { name: "Data", values: [["a", 1], ["b", 2]] },
      { name: "Locked", values: [["x"]], protected: true },
    ],
  });

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return "no error";
  } catch (e) {
    return e instanceof FakeOfficeError ? e.code : `other: ${String(e)}`;
  }
}

type Case = { rule: string; batch: (c: XlRequestContext) => Promise<unknown>; code: string };

const errors: Case[] = [
  { rule: "reading a property that was never loaded throws", batch: async (c) => c.workbook.worksheets.getItem("Data").getRange("A1").values, code: "PropertyNotLoaded" },
  {
    rule: "a loaded property is unreadable until sync",
    batch: async (c) => c.workbook.worksheets.getItem("Data").getRange("A1").load("values").values,
    code: "PropertyNotLoaded",
  },
  {
    rule: "loading one property does not load another",
    batch: async (c) => {
      const r = c.workbook.worksheets.getItem("Data").getRange("A1").load("values");
      await c.sync();
      return r.numberFormat;
    },
    code: "PropertyNotLoaded",
  },
  { rule: "isNullObject needs a sync", batch: async (c) => c.workbook.worksheets.getItemOrNullObject("Nope").isNullObject, code: "PropertyNotLoaded" },
  {
    rule: "a client result needs a sync",
    batch: async (c) => c.workbook.worksheets.getItem("Data").getRange("A1").getCellProperties({ format: { fill: { color: true } } }).value,
    code: "ValueNotLoaded",
  },
  {
    rule: "a missing sheet fails at sync",
    batch: async (c) => {
      c.workbook.worksheets.getItem("Nope").getRange("A1").values = [[1]];
      await c.sync();
    },
    code: "ItemNotFound",
  },
  {
    rule: "values must match the range's shape",
    batch: async (c) => {
      c.workbook.worksheets.getItem("Data").getRange("A1:B2").values = [[1, 2]];
      await c.sync();
    },
    code: "InvalidArgument",
  },
  {
    rule: "a protected sheet refuses writes at sync",
    batch: async (c) => {
      c.workbook.worksheets.getItem("Locked").getRange("A1").format.fill.color = "#FF0000";
      await c.sync();
    },
    code: "AccessDenied",
  },
  {
    rule: "a request over 5 MB is refused",
    batch: async (c) => {
      const big = Array.from({ length: 60000 }, () => ["x".repeat(100)]);
      c.workbook.worksheets.getItem("Data").getRange("D1:D60000").values = big;
      await c.sync();
    },
    code: "RequestPayloadSizeLimitExceeded",
  },
  {
    rule: "an address over 8,192 characters is refused",
    batch: async (c) => {
      const list = Array.from({ length: 1500 }, (_, i) => `A${i * 2 + 1}`).join(",");
      c.workbook.worksheets.getItem("Data").getRanges(list).format.font.bold = true;
      await c.sync();
    },
    code: "InvalidArgument",
  },
  {
    rule: "the last visible sheet cannot be hidden",
    batch: async (c) => {
      c.workbook.worksheets.getItem("Data").visibility = "Hidden";
      c.workbook.worksheets.getItem("Locked").visibility = "VeryHidden";
      await c.sync();
    },
    code: "InvalidOperation",
  },
  {
    rule: "an unknown visibility is refused",
    batch: async (c) => {
      c.workbook.worksheets.getItem("Data").visibility = "Gone" as "Hidden";
      await c.sync();
    },
    code: "InvalidArgument",
  },
  {
    rule: "a merge that partly overlaps a merged area is refused",
    batch: async (c) => {
      const ws = c.workbook.worksheets.getItem("Data");
      ws.getRange("A1:B2").merge(false);
      ws.getRange("B2:C3").merge(false);
      await c.sync();
    },
    code: "InvalidOperation",
  },
  {
    rule: "merging each row refuses a merged area spanning two of its rows",
    batch: async (c) => {
      const ws = c.workbook.worksheets.getItem("Data");
      ws.getRange("B1:B2").merge(false);
      ws.getRange("A1:C2").merge(true);
      await c.sync();
    },
    code: "InvalidOperation",
  },
  {
    rule: "a text longer than Excel's 32,767 characters a cell is refused",
    batch: async (c) => {
      c.workbook.worksheets.getItem("Data").getRange("A1:B1").values = [["x".repeat(32767), "x".repeat(32768)]];
      await c.sync();
    },
    code: "InvalidArgument",
  },
  {
    rule: "cell properties the fake does not model are refused, not ignored",
    batch: async (c) => {
      c.workbook.worksheets.getItem("Data").getRange("A1").setCellProperties([[{ format: { indentLevel: 2 } }]]);
      await c.sync();
    },
    code: "NotImplemented",
  },
];

describe("fake Excel strictness", () => {
  test.each(errors)("$rule", async ({ batch, code }) => {
    const fake = book();
    expect(await codeOf(fake.run(batch))).toBe(code);
  });

  test("failed requests change nothing: payload and address limits are checked before any operation runs", async () => {
    const fake = book();
    const before = fake.snapshot();
    for (const c of errors.filter((e) => e.code === "RequestPayloadSizeLimitExceeded" || e.rule.includes("8,192"))) {
      await codeOf(fake.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Data").getRange("A1").values = [["changed"]];
        await c.batch(ctx);
      }));
    }
    expect(fake.snapshot()).toEqual(before);
  });

  test("objects cannot be used after their run has finished", async () => {
    const fake = book();
    const range = await fake.run(async (context) => context.workbook.worksheets.getItem("Data").getRange("A1"));
    expect(() => {
      range.values = [["late"]];
    }).toThrow(expect.objectContaining({ code: "InvalidRequestContext" }));
  });

  test("writes land only on sync", async () => {
    const fake = book();
    const seen: unknown[] = [];
    await fake.run(async (c) => {
      c.workbook.worksheets.getItem("Data").getRange("A1").values = [["new"]];
      seen.push(fake.sheet("Data")!.values[0][0]);
      await c.sync();
      seen.push(fake.sheet("Data")!.values[0][0]);
    });
    expect(seen).toEqual(["a", "new"]);
  });

  test("run sends what is still queued when the batch ends, as Excel.run does", async () => {
    const fake = book();
    await fake.run(async (c) => {
      c.workbook.worksheets.getItem("Data").getRange("A1").values = [["late"]];
    });
    expect([fake.sheet("Data")!.values[0][0], fake.stats.syncs]).toEqual(["late", 1]);
  });

  test.each([
    { rule: "a leading = makes a formula", input: "=SUM(A1)", nf: "General", value: 0, formula: "=SUM(A1)" },
    { rule: "a leading - with text makes a formula", input: "-abc", nf: "General", value: 0, formula: "=-abc" },
    { rule: "numeric text becomes a number", input: "007", nf: "General", value: 7, formula: null },
    { rule: "percent text becomes a fraction", input: "50%", nf: "General", value: 0.5, formula: null },
    { rule: "the text format keeps text literally", input: "=SUM(A1)", nf: "@", value: "=SUM(A1)", formula: null },
    { rule: "the text format keeps numeric text", input: "007", nf: "@", value: "007", formula: null },
  ])("coercion: $rule", async ({ input, nf, value, formula }) => {
    const fake = book();
    await fake.run(async (c) => {
      const r = c.workbook.worksheets.getItem("Data").getRange("C1");
      r.numberFormat = [[nf]];
      r.values = [[input]];
      await c.sync();
    });
    const cell = fake.sheet("Data")!.cell("C1");
    expect([cell.value, cell.formula ?? null]).toEqual([value, formula]);
  });

  test("stats count syncs, operations and bytes per request", async () => {
    const fake = book();
    await fake.run(async (c) => {
      const r = c.workbook.worksheets.getItem("Data").getRange("A1:B2").load("values");
      r.format.fill.color = "#00B050";
      await c.sync();
      r.format.font.bold = true;
      await c.sync();
    });
    const s = fake.stats.summary();
    expect([s.syncs, s.requests.map((r) => r.ops), s.requests.every((r) => r.bytes > 0), s.maxAddressChars]).toEqual([2, [2, 1], true, 5]);
  });

  test("getCellProperties answers every border item Excel does (OfficeDev/office-js#2349), the unmodelled ones as no line", async () => {
    const fake = book();
    const got = await fake.run(async (context) => {
      const r = context.workbook.worksheets.getItem("Data").getRange("A1");
      r.format.borders.getItem("EdgeBottom").style = "Dash";
      const p = r.getCellProperties({ format: { borders: { style: true } } });
      await context.sync();
      // eslint-disable-next-line office-addins/load-object-before-read -- a ClientResult needs no load, only the sync above
      return p.value[0][0].format?.borders;
    });
    const none = { style: "None" };
    expect(got).toEqual({ top: none, bottom: { style: "Dash" }, left: none, right: none, diagonalDown: none, diagonalUp: none, horizontal: none, vertical: none });
  });

  test("getCellProperties reports what setCellProperties set", async () => {
    const fake = book();
    const got = await fake.run(async (context) => {
      const r = context.workbook.worksheets.getItem("Data").getRange("A1");
      r.setCellProperties([[{ format: { fill: { color: "#00b050" }, font: { bold: true, color: "#FFFFFF" } } }]]);
      const p = r.getCellProperties({ format: { fill: { color: true, pattern: true }, font: { bold: true, color: true } } });
      await context.sync();
      // eslint-disable-next-line office-addins/load-object-before-read -- a ClientResult needs no load, only the sync above
      return p.value[0][0];
    });
    expect(got).toEqual({ format: { fill: { color: "#00B050", pattern: "Solid" }, font: { bold: true, color: "#FFFFFF" } } });
  });

  test("columnHidden: true, false, or null over columns some hidden and some not; getColumnProperties per column; inserted columns carry it along", async () => {
    const fake = createFakeExcel({ sheets: [{ name: "Data", values: [["a", 1]], hiddenColumns: [{ first: 2, last: 3 }] }] });
    const got = await fake.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Data");
      const ranges = ["C:D", "A:B", "B:C"].map((a) => ws.getRange(a).load("columnHidden"));
      const props = ws.getRange("B1:D1").getColumnProperties({ columnHidden: true, columnIndex: true, format: { columnWidth: true } });
      await context.sync();
      // eslint-disable-next-line office-addins/load-object-before-read -- a ClientResult needs no load, only the sync above
      return { hidden: ranges.map((r) => r.columnHidden), props: props.value };
    });
    // A column inserted at A: the hidden C:D move to D:E. Then D is shown again.
    fake.user.insertColumns("Data", 0, 1);
    const after = await fake.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Data");
      const before = ws.getRange("C1:F1").getColumnProperties({ columnHidden: true });
      await context.sync();
      ws.getRange("D:D").columnHidden = false;
      const shown = ws.getRange("C1:F1").getColumnProperties({ columnHidden: true });
      await context.sync();
      // eslint-disable-next-line office-addins/load-object-before-read -- ClientResults need no load, only the syncs above
      return [before.value.map((p) => p.columnHidden), shown.value.map((p) => p.columnHidden)];
    });
    expect({ ...got, after }).toEqual({
      hidden: [true, false, null],
      props: [
        { columnIndex: 1, columnHidden: false, format: { columnWidth: 48 } },
        { columnIndex: 2, columnHidden: true, format: { columnWidth: 48 } },
        { columnIndex: 3, columnHidden: true, format: { columnWidth: 48 } },
      ],
      after: [
        [false, true, true, false],
        [false, false, true, false],
      ],
    });
  });

  test("columnHidden cannot be set on a protected sheet, and getColumnProperties refuses what the fake does not model", async () => {
    const fake = book();
    const hide = fake.run(async (context) => {
      context.workbook.worksheets.getItem("Locked").getRange("B:B").columnHidden = true;
      await context.sync();
    });
    const unmodelled = fake.run(async (context) => {
      context.workbook.worksheets.getItem("Data").getRange("A1:B1").getColumnProperties({ format: { font: { bold: true } } });
      await context.sync();
    });
    expect([await codeOf(hide), await codeOf(unmodelled)]).toEqual(["AccessDenied", "NotImplemented"]);
  });

  test("a response over 5 MB is refused (reading)", async () => {
    const fake = createFakeExcel({ sheets: [{ name: "Big", values: Array.from({ length: 60000 }, () => ["x".repeat(100)]) }] });
    const code = await codeOf(
      fake.run(async (c) => {
        c.workbook.worksheets.getItem("Big").getRange("A1:A60000").load("values");
        await c.sync();
      }),
    );
    expect([code, fake.stats.requests[0].failed]).toEqual(["ResponsePayloadSizeLimitExceeded", "ResponsePayloadSizeLimitExceeded"]);
  });

  test("a refused response loads nothing: its loads and results read as not loaded after the failed sync", async () => {
    const fake = createFakeExcel({ sheets: [{ name: "Big", values: Array.from({ length: 60000 }, () => ["x".repeat(100)]) }] });
    const after = await fake.run(async (c) => {
      const ws = c.workbook.worksheets.getItem("Big");
      const small = ws.getRange("A1").load("values");
      const props = ws.getRange("A1").getCellProperties({ format: { font: { italic: true } } });
      ws.getRange("A1:A60000").load("values");
      const failed = await codeOf(c.sync());
      // Read on purpose after the failed sync: the point is that nothing arrived.
      // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/load-object-before-read
      return { failed, values: await codeOf(Promise.resolve().then(() => small.values)), props: await codeOf(Promise.resolve().then(() => props.value)) };
    });
    expect(after).toEqual({ failed: "ResponsePayloadSizeLimitExceeded", values: "PropertyNotLoaded", props: "ValueNotLoaded" });
  });

  test.each([
    { rule: "a uniform range reports its formats", address: "A1:A2", expected: { fill: "#FFFF00", pattern: "Solid", bold: true, color: "#000000" } },
    { rule: "a property that differs reads null, the others still read", address: "A1:A3", expected: { fill: null, pattern: null, bold: true, color: "#000000" } },
    { rule: "no fill reads pattern None (colour white)", address: "B1:B3", expected: { fill: "#FFFFFF", pattern: "None", bold: false, color: "#000000" } },
    { rule: "several areas are one range for this", address: "A1:A2,C1", expected: { fill: "#FFFF00", pattern: "Solid", bold: true, color: "#000000" } },
  ])("range-level formats: $rule", async ({ address, expected }) => {
    const fake = createFakeExcel({
      sheets: [{ name: "S", values: [["a", "b", "c"]], formats: [{ address: "A1:A2", format: { fill: "#FFFF00", bold: true } }, { address: "A3", format: { bold: true } }, { address: "C1", format: { fill: "#FFFF00", bold: true } }] }],
    });
    const got = await fake.run(async (c) => {
      const f = c.workbook.worksheets.getItem("S").getRanges(address).format;
      f.fill.load("color,pattern");
      f.font.load("bold,color");
      await c.sync();
      return { fill: f.fill.color, pattern: f.fill.pattern, bold: f.font.bold, color: f.font.color };
    });
    expect(got).toEqual(expected);
  });

  test("a very hidden sheet: off the tab bar, still in the workbook, and made so by visibility", async () => {
    const fake = book();
    await fake.run(async (c) => {
      c.workbook.worksheets.add("State").visibility = "VeryHidden";
      await c.sync();
    });
    expect([fake.sheetNames(), fake.allSheetNames(), fake.sheet("State")!.visibility]).toEqual([["Data", "Locked"], ["Data", "Locked", "State"], "VeryHidden"]);
  });

  test("manual page breaks: one above each row given, repeats ignored", async () => {
    const fake = book();
    await fake.run(async (c) => {
      const ws = c.workbook.worksheets.getItem("Data");
      ws.horizontalPageBreaks.add("A40");
      ws.horizontalPageBreaks.add("A12");
      ws.horizontalPageBreaks.add("A40");
      await c.sync();
    });
    expect(fake.sheet("Data")!.pageLayout.rowBreaks).toEqual([11, 39]);
  });

  test("workbook structure protection refuses moving a sheet, as it refuses renaming one", async () => {
    const fake = createFakeExcel({ sheets: [{ name: "A" }, { name: "B" }], protected: true });
    const code = await codeOf(
      fake.run(async (c) => {
        c.workbook.worksheets.getItem("B").position = 0;
        await c.sync();
      }),
    );
    expect([code, fake.sheetNames()]).toEqual(["AccessDenied", ["A", "B"]]);
  });

  test("null objects resolve after sync", async () => {
    const fake = book();
    const got = await fake.run(async (context) => {
      const yes = context.workbook.worksheets.getItemOrNullObject("data");
      const no = context.workbook.worksheets.getItemOrNullObject("Nope");
      await context.sync();
      return [yes.isNullObject, no.isNullObject];
    });
    expect(got).toEqual([false, true]);
  });
});

describe("fake Excel merges", () => {
  const sheet = () =>
    createFakeExcel({
      sheets: [{ name: "S", values: [["a", "b", "c"], ["d", "e", "f"], ["g", "h", "i"]] }],
    });

  test("merge(true) makes each row its own merged area, keeping each row's first value", async () => {
    const fake = sheet();
    await fake.run(async (c) => {
      c.workbook.worksheets.getItem("S").getRange("A1:C3").merge(true);
      await c.sync();
    });
    const s = fake.sheet("S")!;
    expect([s.merges, s.values, fake.stats.totalOps]).toEqual([["A1:C1", "A2:C2", "A3:C3"], [["a"], ["d"], ["g"]], 1]);
  });

  test("an *OrNullObject in a request refused for its size stays unknown: isNullObject throws, as Office.js reads it from the response", async () => {
    const fake = createFakeExcel({ sheets: [{ name: "S", values: Array.from({ length: 200 }, (_, i) => [`row ${i} with some text to make the response large`]) }], limits: { responseBytes: 2_000 } });
    const got = await fake.run(async (c) => {
      const ws = c.workbook.worksheets.getItem("S");
      const merged = ws.getRange().getMergedAreasOrNullObject().load("address");
      ws.getRange("A1:A200").load("values");
      const refused = await c.sync().then(
        () => "sent",
        (e: { code?: string }) => e.code,
      );
      const known = (() => {
        try {
          return merged.isNullObject;
        } catch (e) {
          return (e as { code?: string }).code;
        }
      })();
      const again = ws.getRange().getMergedAreasOrNullObject().load("address");
      await c.sync();
      return { refused, known, again: again.isNullObject };
    });
    expect(got).toEqual({ refused: "ResponsePayloadSizeLimitExceeded", known: "PropertyNotLoaded", again: true });
  });

  test("merged blank cells are in the used range with formatting, not in the values-only one (the used range counts cells with formatting assigned)", async () => {
    const fake = sheet();
    const got = await fake.run(async (c) => {
      const ws = c.workbook.worksheets.getItem("S");
      ws.getRange("B10:D12").merge(false);
      const all = ws.getUsedRangeOrNullObject(false).load("address");
      const values = ws.getUsedRangeOrNullObject(true).load("address");
      const inside = ws.getRange("A5:C20").getUsedRangeOrNullObject(false).load("address");
      const insideValues = ws.getRange("A5:C20").getUsedRangeOrNullObject(true).load("address");
      await c.sync();
      return [all.address, values.address, inside.address, insideValues.isNullObject];
    });
    expect(got).toEqual(["S!A1:D12", "S!A1:C3", "S!B10:C12", true]);
  });

  test("getMergedAreasOrNullObject lists only the areas whose top-left cell is in the range (OfficeDev/office-js#3611)", async () => {
    const fake = sheet();
    const got = await fake.run(async (c) => {
      const ws = c.workbook.worksheets.getItem("S");
      ws.getRange("A1:B2").merge(false);
      ws.getRange("C2:C3").merge(false);
      const inner = ws.getRange("B2:C3").getMergedAreasOrNullObject().load("address");
      const whole = ws.getRange("A1:C3").getMergedAreasOrNullObject().load("address");
      await c.sync();
      return [inner.address, whole.address];
    });
    expect(got).toEqual(["S!C2:C3", "S!A1:B2,S!C2:C3"]);
  });

  test("clearing contents through part of a merged area is refused, as VBA's ClearContents is; the whole area, or formats alone, are cleared", async () => {
    const fake = sheet();
    const merge = () =>
      fake.run(async (c) => {
        c.workbook.worksheets.getItem("S").getRange("A1:B2").merge(false);
        await c.sync();
      });
    const clear = (address: string, applyTo: "Contents" | "Formats" | "All") =>
      fake.run(async (c) => {
        c.workbook.worksheets.getItem("S").getRanges(address).clear(applyTo);
        await c.sync();
      });
    await merge();
    await expect(clear("B2:C3", "Contents")).rejects.toMatchObject({ code: "InvalidOperation" });
    await expect(clear("C1,A1", "All")).rejects.toMatchObject({ code: "InvalidOperation" });
    await clear("B2", "Formats");
    await clear("C3,A1:B2", "Contents");
    expect([fake.sheet("S")!.merges, fake.sheet("S")!.values]).toEqual([["A1:B2"], [["", "", "c"], ["", "", "f"], ["g", "h", ""]]]);
  });

  test("merge(false) keeps only the top-left value of the whole area", async () => {
    const fake = sheet();
    await fake.run(async (c) => {
      c.workbook.worksheets.getItem("S").getRange("A1:B2").merge(false);
      await c.sync();
    });
    expect([fake.sheet("S")!.merges, fake.sheet("S")!.values]).toEqual([["A1:B2"], [["a", "", "c"], ["", "", "f"], ["g", "h", "i"]]]);
  });

  test("merged areas inside a new one are absorbed; one column merged row by row is no merge", async () => {
    const fake = sheet();
    await fake.run(async (c) => {
      const ws = c.workbook.worksheets.getItem("S");
      ws.getRange("A1:B1").merge(false);
      ws.getRange("B3:C3").merge(false);
      ws.getRange("A1:C2").merge(true); // A1:B1 lies in row 1
      ws.getRange("A1:C3").merge(false); // every merged area lies inside
      ws.getRange("E1:E5").merge(true);
      await c.sync();
    });
    expect(fake.sheet("S")!.merges).toEqual(["A1:C3"]);
  });

  test("a refused merge changes nothing, not even the rows before the overlap", async () => {
    const fake = createFakeExcel({ sheets: [{ name: "S", values: [["a", "b"], ["c", "d"], ["e", "f"]], merges: ["B3:C4"] }] });
    const code = await codeOf(
      fake.run(async (c) => {
        c.workbook.worksheets.getItem("S").getRange("A1:B3").merge(true);
        await c.sync();
      }),
    );
    expect([code, fake.sheet("S")!.merges, fake.sheet("S")!.values]).toEqual(["InvalidOperation", ["B3:C4"], [["a", "b"], ["c", "d"], ["e", "f"]]]);
  });

  test("neighbouring merges far down a long sheet are told apart", async () => {
    const fake = createFakeExcel({ sheets: [{ name: "S" }] });
    await fake.run(async (c) => {
      const ws = c.workbook.worksheets.getItem("S");
      for (let r = 1; r <= 3000; r++) ws.getRange(`A${r}:B${r}`).merge(false);
      ws.getRange("C1:D3000").merge(true);
      await c.sync();
    });
    expect(fake.sheet("S")!.merges.length).toBe(6000);
    const overlap = await codeOf(
      fake.run(async (c) => {
        c.workbook.worksheets.getItem("S").getRange("B2999:C3000").merge(false);
        await c.sync();
      }),
    );
    expect(overlap).toBe("InvalidOperation");
  });
});
