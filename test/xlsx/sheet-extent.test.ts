// The cell budget of sheet-extent.ts counts the cells a window left out on purpose (the rows of our history
// above its latest periods): else a long history read through the window lost its last columns, with a
// warning about cells "far from the rest of the data" that a whole read does not give.
import { squareCells, type SparseCells } from "../../src/xlsx/sheet-extent";
import type { CellValue } from "../../src/engine/vocab/types";

/** A header of 13 cells over 160,000 rows, of which only the last 10,000 are held (4 cells each). */
function windowed(): { cells: SparseCells; leftOut: number } {
  const rows = 160_000;
  const values: (CellValue[] | undefined)[] = new Array(rows);
  values[0] = Array.from({ length: 13 }, (_, c) => `Header ${c}`);
  for (let r = rows - 10_000; r < rows; r++) {
    const row: CellValue[] = [];
    row[0] = "Q1 2010/11";
    row[2] = `R${r}`;
    row[6] = "good";
    row[12] = "05/12/2026";
    values[r] = row;
  }
  return { cells: { values, formats: [] }, leftOut: (rows - 10_001) * 4 };
}

test("cells left out by the window count towards the budget: no column is cut", () => {
  const { cells, leftOut } = windowed();
  const squared = squareCells(cells, "Scorecard History", leftOut);
  expect({ lastCol: squared.lastCol, problems: squared.problems, header: squared.values[0].length }).toEqual({ lastCol: 12, problems: [], header: 13 });
});

test("without them, the same grid is over the budget (what the window's read did before)", () => {
  const { cells } = windowed();
  expect(squareCells(cells, "Scorecard History").lastCol).toBeLessThan(12);
});
