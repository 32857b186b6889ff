// Writes council performance trackers with Apache POI (Debian's libapache-poi-java 4.0.1), in the layouts
// RAG Scorecard reads, each with an <name>.expected.json beside it: the status the `rag` preset should give
// each record at Q3 2010/11 (report date 2010-12-31) and at Q4 2010/11 (2011-03-31).
//
//   poi-xssf-tracker.xlsx   XSSFWorkbook: shared strings, rich text, merged titles, an Excel table
//                           (XSSFTable) over the activities, notes, hyperlinks, data validation, freeze
//                           panes, an autofilter, column widths, a hidden row and column, formulas with
//                           and without cached values, defined names, print settings, a protected sheet
//   poi-xssf-protected.xlsx XSSFWorkbook: the indicator tracker on a password-protected sheet
//   poi-sxssf-inline.xlsx   SXSSFWorkbook (streaming) as it writes by default: inline strings, 1,500 rows
//   poi-sxssf-sst.xlsx      SXSSFWorkbook with a shared strings table, notes, links, validation, dates
//
// Usage: java -cp <jars>:. PoiTrackers <output folder>   (see make-poi.sh)
import java.io.*;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.*;

import org.apache.poi.common.usermodel.HyperlinkType;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.*;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.*;

public class PoiTrackers {
    static final LocalDate Q3 = LocalDate.of(2010, 12, 31);
    static final LocalDate Q4 = LocalDate.of(2011, 3, 31);

    /** An indicator row. target/actual: Double, String (typed text) or Formula. */
    static final class Ind {
        String ref, name, polarity; Object target, actual; boolean pct; String expected; boolean hidden;
        Ind(String ref, String name, Object target, Object actual, String polarity, boolean pct, String expected) {
            this.ref = ref; this.name = name; this.target = target; this.actual = actual; this.polarity = polarity;
            this.pct = pct; this.expected = expected;
        }
        Ind hide() { hidden = true; return this; }
    }
    static final class Formula {
        String text; boolean cache;
        Formula(String text, boolean cache) { this.text = text; this.cache = cache; }
    }
    static final class Act {
        String ref, action, lead, status; LocalDate due; double progress; String q3, q4;
        Act(String ref, String action, String lead, LocalDate due, double progress, String status, String q3, String q4) {
            this.ref = ref; this.action = action; this.lead = lead; this.due = due; this.progress = progress;
            this.status = status; this.q3 = q3; this.q4 = q4;
        }
    }

    // Section 1 and 2 of a housing and environment tracker. Expected statuses worked out by hand (RULES §4:
    // met -> green; shortfall within 5% of the target -> amber; beyond -> red; no target -> dataonly;
    // no actual -> nodata).
    static List<Object> indicatorRows() {
        List<Object> rows = new ArrayList<>();
        rows.add("Priority 1: Decent and affordable homes");
        rows.add(new Ind("HE 1", "Percentage of rent collected", 0.97, 0.982, "Higher is better", true, "green"));
        rows.add(new Ind("HE 2", "Average days to re-let council homes", 30.0, 41.0, "Lower is better", false, "red"));
        rows.add(new Ind("HE 3", "Percentage of council homes that are non-decent", 0.05, 0.052, "Lower is better", true, "amber"));
        rows.add(new Ind("HE 4", "Number of households in temporary accommodation", 120.0, 118.0, "Lower is better", false, "green").hide());
        rows.add(new Ind("HE 5", "Rent arrears of current tenants as % of rent due", 0.02, new Formula("ROUND(61234/2456000,4)", true), "Lower is better", true, "red"));
        rows.add("Priority 2: A clean and green borough");
        rows.add("HEADER");
        rows.add(new Ind("EN 1", "Percentage of household waste recycled and composted", 0.5, 0.489, "Higher is better", true, "amber"));
        rows.add(new Ind("EN 2", "Residual household waste per household (kg)", 620.0, 655.4, "Lower is better", false, "red"));
        rows.add(new Ind("EN 3", "Fly-tipping incidents cleared within 2 working days", 0.9, new Formula("412/450", true), "Higher is better", true, "green"));
        rows.add(new Ind("EN 4", "Missed bins per 100,000 collections", 80.0, new Formula("(1234/1800000)*100000", false), "Lower is better", false, "nodata"));
        rows.add(new Ind("EN 5", "Satisfaction with parks and open spaces", "Not targeted", 0.72, "Higher is better", true, "dataonly"));
        rows.add(new Ind("EN 6", "Number of streets graded A for cleanliness", 1200.0, "Not available", "Higher is better", false, "nodata"));
        rows.add(new Ind("EN 7", "Streets with unacceptable litter", "< 10%", 0.08, "", true, "green"));
        return rows;
    }

    static List<Act> activities() {
        List<Act> a = new ArrayList<>();
        a.add(new Act("KA 1", "Adopt the new housing allocations policy", "Jane Smith", LocalDate.of(2010, 9, 30), 1.0, "Completed", "completed", "completed"));
        a.add(new Act("KA 2", "Review the homelessness strategy", "Amir Patel", LocalDate.of(2010, 11, 30), 0.6, "Amber", "overdue", "overdue"));
        a.add(new Act("KA 3", "Procure the new waste collection fleet", "Mark Jones", LocalDate.of(2011, 1, 20), 0.8, "Green", "warning", "overdue"));
        a.add(new Act("KA 4", "Open the new household recycling centre", "Mark Jones", LocalDate.of(2011, 6, 30), 0.4, "Green", "ontrack", "ontrack"));
        a.add(new Act("KA 5", "Launch the tenant satisfaction survey", "Amir Patel", LocalDate.of(2011, 3, 31), 0.1, "Cancelled", "cancelled", "cancelled"));
        a.add(new Act("KA 6", "Refurbish the Elm Court sheltered housing scheme", "Jane Smith", LocalDate.of(2011, 2, 15), 0.5, "In progress", "ontrack", "overdue"));
        return a;
    }

    static Date date(LocalDate d) { return Date.from(d.atStartOfDay(ZoneId.systemDefault()).toInstant()); }

    // ---------------------------------------------------------------- expected JSON
    static final class Expect {
        Map<String, String> q3 = new LinkedHashMap<>(), q4 = new LinkedHashMap<>();
        void both(String sheet, String ref, String s) { q3.put(sheet + "!" + ref, s); q4.put(sheet + "!" + ref, s); }
        void write(File f, String note) throws IOException {
            StringBuilder b = new StringBuilder("{\n  \"writer\": \"Apache POI 4.0.1\",\n  \"note\": \"" + note + "\",\n");
            b.append("  \"Q3 2010/11\": ").append(obj(q3)).append(",\n  \"Q4 2010/11\": ").append(obj(q4)).append("\n}\n");
            try (Writer w = new OutputStreamWriter(new FileOutputStream(f), StandardCharsets.UTF_8)) { w.write(b.toString()); }
        }
        static String obj(Map<String, String> m) {
            StringJoiner j = new StringJoiner(",\n    ", "{\n    ", "\n  }");
            m.forEach((k, v) -> j.add("\"" + k + "\": \"" + v + "\""));
            return j.toString();
        }
    }

    // ---------------------------------------------------------------- XSSF
    static final class Styles {
        CellStyle title, subtitle, header, section, pct, count, date, wrap, plain;
        Styles(Workbook wb) {
            DataFormat df = wb.createDataFormat();
            Font big = wb.createFont(); big.setBold(true); big.setFontHeightInPoints((short) 14);
            Font bold = wb.createFont(); bold.setBold(true);
            Font white = wb.createFont(); white.setBold(true); white.setColor(IndexedColors.WHITE.getIndex());
            title = wb.createCellStyle(); title.setFont(big); title.setAlignment(HorizontalAlignment.CENTER);
            subtitle = wb.createCellStyle(); subtitle.setFont(bold); subtitle.setAlignment(HorizontalAlignment.CENTER);
            header = wb.createCellStyle(); header.setFont(white);
            header.setFillForegroundColor(IndexedColors.DARK_BLUE.getIndex()); header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            header.setBorderBottom(BorderStyle.THIN); header.setWrapText(true);
            section = wb.createCellStyle(); section.setFont(bold);
            section.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex()); section.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            pct = wb.createCellStyle(); pct.setDataFormat(df.getFormat("0.0%"));
            count = wb.createCellStyle(); count.setDataFormat(df.getFormat("#,##0.0"));
            date = wb.createCellStyle(); date.setDataFormat(df.getFormat("dd/mm/yyyy"));
            wrap = wb.createCellStyle(); wrap.setWrapText(true); wrap.setVerticalAlignment(VerticalAlignment.TOP);
            plain = wb.createCellStyle(); plain.setBorderBottom(BorderStyle.HAIR);
        }
    }

    static void header(Row r, Styles st, String... names) {
        for (int i = 0; i < names.length; i++) { Cell c = r.createCell(i); c.setCellValue(names[i]); c.setCellStyle(st.header); }
    }

    static void value(Workbook wb, FormulaEvaluator ev, Cell c, Object v, boolean pct, Styles st) {
        if (v instanceof Double) { c.setCellValue((Double) v); c.setCellStyle(pct ? st.pct : st.count); }
        else if (v instanceof Formula) {
            Formula f = (Formula) v;
            c.setCellFormula(f.text); c.setCellStyle(pct ? st.pct : st.count);
            if (f.cache && ev != null) ev.evaluateFormulaCell(c);
        } else c.setCellValue((String) v);
    }

    /** Writes the indicator sheet from row `top`; returns the last row used. */
    static int writeIndicators(Workbook wb, Sheet s, Styles st, int top, Expect ex, boolean rich, FormulaEvaluator ev, boolean hidePolarityNotes) {
        int r = top;
        header(s.createRow(r++), st, "Ref", "Indicator", "Target", "Actual", "Polarity", "Data source");
        for (Object o : indicatorRows()) {
            Row row = s.createRow(r);
            if (o instanceof String) {
                String t = (String) o;
                if (t.equals("HEADER")) header(row, st, "Ref", "Indicator", "Target", "Actual", "Polarity", "Data source");
                else { Cell c = row.createCell(0); c.setCellValue(t); c.setCellStyle(st.section); }
                r++;
                continue;
            }
            Ind in = (Ind) o;
            row.createCell(0).setCellValue(in.ref);
            Cell name = row.createCell(1);
            if (rich && in.ref.equals("HE 1")) {
                XSSFRichTextString rt = new XSSFRichTextString(in.name + " (BV 66a)");
                Font b = wb.createFont(); b.setBold(true); Font it = wb.createFont(); it.setItalic(true);
                rt.applyFont(0, 10, b); rt.applyFont(in.name.length() + 1, in.name.length() + 9, it);
                name.setCellValue(rt);
            } else name.setCellValue(in.name);
            name.setCellStyle(st.wrap);
            value(wb, ev, row.createCell(2), in.target, in.pct, st);
            value(wb, ev, row.createCell(3), in.actual, in.pct, st);
            row.createCell(4).setCellValue(in.polarity);
            row.createCell(5).setCellValue(in.ref.startsWith("HE") ? "Housing system" : "Waste data flow");
            if (in.hidden) row.setZeroHeight(true);
            ex.both(s.getSheetName(), in.ref, in.expected);
            r++;
        }
        return r - 1;
    }

    static int writeActivities(Workbook wb, Sheet s, Styles st, int top, Expect ex) {
        int r = top;
        header(s.createRow(r++), st, "Ref", "Action", "Lead officer", "Due date", "Progress", "Status");
        for (Act a : activities()) {
            Row row = s.createRow(r++);
            row.createCell(0).setCellValue(a.ref);
            Cell c = row.createCell(1); c.setCellValue(a.action); c.setCellStyle(st.wrap);
            row.createCell(2).setCellValue(a.lead);
            c = row.createCell(3); c.setCellValue(date(a.due)); c.setCellStyle(st.date);
            c = row.createCell(4); c.setCellValue(a.progress); c.setCellStyle(st.pct);
            row.createCell(5).setCellValue(a.status);
            ex.q3.put(s.getSheetName() + "!" + a.ref, a.q3);
            ex.q4.put(s.getSheetName() + "!" + a.ref, a.q4);
        }
        return r - 1;
    }

    static void titles(Sheet s, Styles st, String title, String sub, int lastCol) {
        Row r = s.createRow(0); Cell c = r.createCell(0); c.setCellValue(title); c.setCellStyle(st.title);
        r.setHeightInPoints(22);
        s.addMergedRegion(new CellRangeAddress(0, 0, 0, lastCol));
        r = s.createRow(1); c = r.createCell(0); c.setCellValue(sub); c.setCellStyle(st.subtitle);
        s.addMergedRegion(new CellRangeAddress(1, 1, 0, lastCol));
    }

    static void note(Sheet s, Cell cell, String text, String author) {
        Drawing<?> d = s.createDrawingPatriarch();
        CreationHelper h = s.getWorkbook().getCreationHelper();
        ClientAnchor a = h.createClientAnchor();
        a.setCol1(cell.getColumnIndex() + 1); a.setCol2(cell.getColumnIndex() + 4);
        a.setRow1(cell.getRowIndex()); a.setRow2(cell.getRowIndex() + 3);
        Comment c = d.createCellComment(a);
        c.setString(h.createRichTextString(text)); c.setAuthor(author);
        cell.setCellComment(c);
    }

    static void link(Cell cell, HyperlinkType type, String address) {
        Hyperlink l = cell.getSheet().getWorkbook().getCreationHelper().createHyperlink(type);
        l.setAddress(address);
        cell.setHyperlink(l);
    }

    static void polarityList(Sheet s, int first, int last) {
        DataValidationHelper h = s.getDataValidationHelper();
        DataValidation dv = h.createValidation(
            h.createExplicitListConstraint(new String[] {"Higher is better", "Lower is better"}),
            new CellRangeAddressList(first, last, 4, 4));
        dv.setShowErrorBox(true); dv.setSuppressDropDownArrow(true);
        dv.createPromptBox("Polarity", "Choose whether a higher or a lower figure is better");
        dv.setShowPromptBox(true);
        s.addValidationData(dv);
    }

    static void printSetup(Workbook wb, Sheet s, int sheetIndex, String area, String repeatRows) {
        PrintSetup p = s.getPrintSetup();
        p.setLandscape(true); p.setPaperSize(PrintSetup.A4_PAPERSIZE); p.setFitWidth((short) 1); p.setFitHeight((short) 0);
        s.setFitToPage(true); s.setHorizontallyCenter(true);
        s.setMargin(Sheet.LeftMargin, 0.4); s.setMargin(Sheet.RightMargin, 0.4);
        s.getHeader().setCenter("&\"Arial,Bold\"Performance report");
        s.getFooter().setRight("Page &P of &N");
        wb.setPrintArea(sheetIndex, area);
        s.setRepeatingRows(CellRangeAddress.valueOf(repeatRows));
    }

    static void xssfTracker(File dir) throws IOException {
        XSSFWorkbook wb = new XSSFWorkbook();
        Styles st = new Styles(wb);
        FormulaEvaluator ev = wb.getCreationHelper().createFormulaEvaluator();
        Expect ex = new Expect();

        XSSFSheet ind = wb.createSheet("Indicators");
        titles(ind, st, "Housing and Environment Performance Indicators", "Quarter 3 2010/11 (October to December 2010)", 5);
        int last = writeIndicators(wb, ind, st, 3, ex, true, ev, false);
        ind.setColumnWidth(0, 8 * 256); ind.setColumnWidth(1, 55 * 256); ind.setColumnWidth(2, 11 * 256);
        ind.setColumnWidth(3, 11 * 256); ind.setColumnWidth(4, 18 * 256); ind.setColumnWidth(5, 20 * 256);
        ind.setColumnHidden(5, true);
        ind.createFreezePane(2, 4);
        ind.setAutoFilter(new CellRangeAddress(3, last, 0, 5));
        polarityList(ind, 4, last);
        note(ind, ind.getRow(4 + 1).getCell(3), "Provisional: the December figure is an estimate.", "Housing performance officer");
        note(ind, ind.getRow(3).getCell(2), "Targets agreed by Cabinet, March 2010.", "Performance team");
        link(ind.getRow(5).getCell(0), HyperlinkType.URL, "https://www.example.gov.uk/performance/he1");
        link(ind.getRow(0).getCell(0), HyperlinkType.DOCUMENT, "'Key activities'!A1");
        printSetup(wb, ind, 0, "$A$1:$E$" + (last + 1), "4:4");
        Row foot = ind.createRow(last + 2);
        foot.createCell(0).setCellValue("Source: Housing system and WasteDataFlow returns, January 2011.");

        XSSFSheet act = wb.createSheet("Key activities");
        titles(act, st, "Key activities 2010/11", "Progress at Quarter 3 2010/11", 5);
        int aLast = writeActivities(wb, act, st, 3, ex);
        XSSFTable t = act.createTable(new AreaReference("A4:F" + (aLast + 1), SpreadsheetVersion.EXCEL2007));
        t.setName("KeyActivities"); t.setDisplayName("KeyActivities");
        t.getCTTable().addNewTableStyleInfo().setName("TableStyleMedium2");
        t.getCTTable().getTableStyleInfo().setShowRowStripes(true);
        t.getCTTable().addNewAutoFilter().setRef("A4:F" + (aLast + 1));
        act.setColumnWidth(1, 50 * 256); act.setColumnWidth(2, 16 * 256); act.setColumnWidth(3, 12 * 256);
        act.createFreezePane(0, 4);
        link(act.getRow(5).getCell(0), HyperlinkType.URL, "https://www.example.gov.uk/housing/allocations");
        note(act, act.getRow(6).getCell(5), "Awaiting the Cabinet decision of 14 February.", "Amir Patel");
        DataValidationHelper h = act.getDataValidationHelper();
        DataValidation dv = h.createValidation(h.createDecimalConstraint(DataValidationConstraint.OperatorType.BETWEEN, "0", "1"),
            new CellRangeAddressList(4, aLast, 4, 4));
        dv.setShowErrorBox(true); act.addValidationData(dv);
        DataValidation dd = h.createValidation(h.createDateConstraint(DataValidationConstraint.OperatorType.GREATER_THAN, "DATE(2010,4,1)", null, "dd/mm/yyyy"),
            new CellRangeAddressList(4, aLast, 3, 3));
        act.addValidationData(dd);
        printSetup(wb, act, 1, "$A$1:$F$" + (aLast + 1), "4:4");

        XSSFSheet notes = wb.createSheet("Notes");
        notes.createRow(0).createCell(0).setCellValue("Notes for officers");
        notes.createRow(1).createCell(0).setCellValue("Figures are provisional until the year-end audit.");
        Row nr = notes.createRow(2); nr.createCell(0).setCellValue("Indicators reported:"); nr.createCell(1).setCellFormula("COUNTA(Indicators!A5:A" + (last + 1) + ")");
        wb.getCreationHelper().createFormulaEvaluator().evaluateFormulaCell(nr.getCell(1));
        notes.protectSheet("council");

        Name n = wb.createName(); n.setNameName("ReportPeriod"); n.setRefersToFormula("Indicators!$A$2");
        n = wb.createName(); n.setNameName("ToleranceDefault"); n.setRefersToFormula("0.05");
        n = wb.createName(); n.setNameName("LocalActions"); n.setSheetIndex(1); n.setRefersToFormula("'Key activities'!$A$5:$F$" + (aLast + 1));
        n.setComment("The key activities for committee");
        wb.setActiveSheet(0);
        try (OutputStream o = new FileOutputStream(new File(dir, "poi-xssf-tracker.xlsx"))) { wb.write(o); }
        wb.close();
        ex.write(new File(dir, "poi-xssf-tracker.expected.json"), "EN 4's actual is a formula POI wrote with no cached value");
    }

    static void xssfProtected(File dir) throws IOException {
        XSSFWorkbook wb = new XSSFWorkbook();
        Styles st = new Styles(wb);
        FormulaEvaluator ev = wb.getCreationHelper().createFormulaEvaluator();
        Expect ex = new Expect();
        XSSFSheet ind = wb.createSheet("KPIs");
        titles(ind, st, "Corporate scorecard", "Quarter 3 2010/11", 5);
        int last = writeIndicators(wb, ind, st, 3, ex, false, ev, false);
        ind.setColumnWidth(1, 50 * 256);
        ind.lockFormatCells(false); ind.lockAutoFilter(false);
        ind.protectSheet("s3cret");
        try (OutputStream o = new FileOutputStream(new File(dir, "poi-xssf-protected.xlsx"))) { wb.write(o); }
        wb.close();
        ex.write(new File(dir, "poi-xssf-protected.expected.json"), "tracker on a protected sheet: rated, left uncoloured");
    }


    /** The indicator tracker as an Excel table, polarity from formulas (cached text, t="str"), an error result. */
    static void xssfTableTracker(File dir) throws IOException {
        XSSFWorkbook wb = new XSSFWorkbook();
        Styles st = new Styles(wb);
        FormulaEvaluator ev = wb.getCreationHelper().createFormulaEvaluator();
        Expect ex = new Expect();
        XSSFSheet s = wb.createSheet("Scorecard data");
        Row t = s.createRow(0); t.createCell(0).setCellValue("Quarter 3 2010/11 performance");
        int r = 2;
        Row h = s.createRow(r++);
        String[] head = {"Ref", "Indicator", "Target", "Actual", "Polarity", "Direction code"};
        for (int i = 0; i < head.length; i++) h.createCell(i).setCellValue(head[i]);
        Object[][] rows = {
            {"CS 1", "Percentage of calls answered within 20 seconds", 0.8, 0.84, "H", "green"},
            {"CS 2", "Average wait at reception (minutes)", 10.0, 10.4, "L", "amber"},
            {"CS 3", "Complaints answered within 10 days", 0.95, 0.81, "H", "red"},
            {"CS 4", "Freedom of information requests answered in time", 0.9, new Formula("1/0", true), "H", "nodata"},
            {"CS 5", "Council tax collected", 0.975, 0.9751, "H", "green"},
        };
        for (Object[] o : rows) {
            Row row = s.createRow(r);
            row.createCell(0).setCellValue((String) o[0]);
            row.createCell(1).setCellValue((String) o[1]);
            Cell c = row.createCell(2); c.setCellValue((Double) o[2]); c.setCellStyle(st.pct);
            c = row.createCell(3);
            if (o[3] instanceof Double) c.setCellValue((Double) o[3]); else c.setCellFormula(((Formula) o[3]).text);
            c.setCellStyle(st.pct);
            row.createCell(5).setCellValue((String) o[4]);
            Cell pol = row.createCell(4);
            pol.setCellFormula("IF(F" + (r + 1) + "=\"H\",\"Higher is better\",\"Lower is better\")");
            ex.both(s.getSheetName(), (String) o[0], (String) o[5]);
            r++;
        }
        Row b = s.createRow(r); b.createCell(0).setCellValue("Total");
        Cell tc = b.createCell(3); tc.setCellFormula("SUBTOTAL(3,D4:D" + r + ")");
        ev.evaluateAll();
        XSSFTable tb = s.createTable(new AreaReference("A3:F" + (r + 1), SpreadsheetVersion.EXCEL2007));
        tb.setName("Scorecard"); tb.setDisplayName("Scorecard");
        tb.getCTTable().setTotalsRowCount(1);
        tb.getCTTable().addNewTableStyleInfo().setName("TableStyleLight9");
        tb.getCTTable().addNewAutoFilter().setRef("A3:F" + r);
        s.setColumnWidth(1, 50 * 256); s.setColumnWidth(4, 18 * 256);
        try (OutputStream o = new FileOutputStream(new File(dir, "poi-xssf-table-tracker.xlsx"))) { wb.write(o); }
        wb.close();
        ex.write(new File(dir, "poi-xssf-table-tracker.expected.json"), "tracker as an Excel table with a totals row; Polarity from formulas (t=str); CS 4 a #DIV/0! result");
    }

    // ---------------------------------------------------------------- SXSSF
    /** RULES §4 with the rag preset's 5% relative tolerance, for the generated rows. */
    static String rate(double t, double a, boolean higher) {
        boolean met = higher ? a >= t - 1e-12 : a <= t + 1e-12;
        if (met) return "green";
        return Math.abs(a - t) / Math.abs(t) <= 0.05 + 1e-9 ? "amber" : "red";
    }

    static void sxssf(File dir, String file, boolean sst, int count) throws IOException {
        SXSSFWorkbook wb = new SXSSFWorkbook(null, 100, true, sst);
        Styles st = new Styles(wb);
        Expect ex = new Expect();
        SXSSFSheet s = wb.createSheet("Service plan");
        titles(s, st, "Service plan performance monitoring", "Quarter 3 2010/11", 5);
        Row hr = s.createRow(3);
        header(hr, st, "Ref", "Indicator", "Target", "Actual", "Polarity", "Service");
        Random rnd = new Random(20101231L);
        String[] services = {"Revenues and benefits", "Planning", "Environmental health", "Leisure", "Customer services"};
        int r = 4;
        int sections = 0;
        for (int i = 1; i <= count; i++) {
            if ((i - 1) % 300 == 0) {
                Row sr = s.createRow(r++); Cell c = sr.createCell(0);
                c.setCellValue("Service: " + services[sections % services.length]); c.setCellStyle(st.section);
                if (sections > 0) header(s.createRow(r++), st, "Ref", "Indicator", "Target", "Actual", "Polarity", "Service");
                sections++;
            }
            Row row = s.createRow(r);
            String ref = String.format("SP %04d", i);
            boolean higher = rnd.nextBoolean();
            boolean pct = rnd.nextInt(3) == 0;
            double t = pct ? (50 + rnd.nextInt(45)) / 100.0 : 10 + rnd.nextInt(990);
            double a = Math.round(t * (0.85 + rnd.nextDouble() * 0.3) * (pct ? 1000 : 10)) / (pct ? 1000.0 : 10.0);
            row.createCell(0).setCellValue(ref);
            row.createCell(1).setCellValue((pct ? "Percentage of " : "Number of ") + "cases handled by " + services[sections - 1].toLowerCase() + " (measure " + i + ")");
            Cell tc = row.createCell(2); tc.setCellValue(t); tc.setCellStyle(pct ? st.pct : st.count);
            Cell ac = row.createCell(3); ac.setCellValue(a); ac.setCellStyle(pct ? st.pct : st.count);
            row.createCell(4).setCellValue(higher ? "Higher is better" : "Lower is better");
            row.createCell(5).setCellValue(services[sections - 1]);
            String expected = rate(t, a, higher);
            if (i % 97 == 0) { row.getCell(3).setCellValue("Awaiting data"); expected = "nodata"; }
            if (i % 131 == 0) row.setZeroHeight(true);
            if (i == 5) note(s, ac, "Figure checked by internal audit.", "Audit");
            if (i == 7) link(row.getCell(0), HyperlinkType.URL, "https://www.example.gov.uk/plan/sp7");
            ex.both(s.getSheetName(), ref, expected);
            r++;
        }
        int last = r - 1;
        s.setColumnWidth(1, 60 * 256); s.setColumnWidth(4, 18 * 256);
        s.createFreezePane(1, 4);
        s.setAutoFilter(new CellRangeAddress(3, last, 0, 5));
        polarityList(s, 4, last);
        printSetup(wb, s, 0, "$A$1:$F$" + (last + 1), "4:4");

        SXSSFSheet act = wb.createSheet("Actions");
        titles(act, st, "Service plan actions", "Quarter 3 2010/11", 5);
        int aLast = writeActivities(wb, act, st, 3, ex);
        act.setColumnWidth(1, 50 * 256);
        note(act, act.getRow(5).getCell(1), "Moved from the 2009/10 plan.", "Policy officer");
        link(act.getRow(4).getCell(0), HyperlinkType.URL, "https://www.example.gov.uk/actions/ka1");
        Row f = act.createRow(aLast + 2);
        f.createCell(0).setCellValue("Total");
        f.createCell(4).setCellFormula("COUNTIF(F5:F" + (aLast + 1) + ",\"Completed\")");
        Name n = wb.createName(); n.setNameName("PlanActions"); n.setRefersToFormula("Actions!$A$4:$F$" + (aLast + 1));
        try (OutputStream o = new FileOutputStream(new File(dir, file))) { wb.write(o); }
        wb.dispose();
        wb.close();
        ex.write(new File(dir, file.replace(".xlsx", ".expected.json")), (sst ? "SXSSF with shared strings" : "SXSSF default: inline strings") + ", " + count + " indicators");
    }

    public static void main(String[] args) throws Exception {
        File dir = new File(args.length > 0 ? args[0] : ".");
        dir.mkdirs();
        xssfTracker(dir);
        xssfProtected(dir);
        xssfTableTracker(dir);
        sxssf(dir, "poi-sxssf-inline.xlsx", false, 1500);
        sxssf(dir, "poi-sxssf-sst.xlsx", true, 120);
        System.out.println("wrote 5 workbooks to " + dir);
    }
}
