"""Parts of scripts/make-fixtures.py: a PNG writer, the small tracker, and the bad-input corpus.

The bad inputs are made at the package level from the good fixtures, so each breaks one thing.
test/fixtures/bad/expected.json gives each file's exit code and why; the test reads it.
"""
import json
import os
import re
import struct
import zipfile
import zlib


def png_bytes(width, height, rgb):
    """A plain RGB PNG of one colour (no Pillow needed)."""
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    raw = b"".join(b"\x00" + bytes(rgb) * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


def tracker_rows():
    """An indicator table the engine recognises (header row first)."""
    return [
        ["Ref", "Indicator", "Target", "Actual", "Polarity"],
        ["HE 1", "Percentage of rent collected", 97, 98.2, "Higher is better"],
        ["HE 2", "Average days to re-let council homes", 30, 41, "Lower is better"],
        ["HE 3", "Percentage of household waste recycled", 50, 48.9, "Higher is better"],
        ["HE 4", "Number of households in temporary accommodation", 120, 118, "Lower is better"],
    ]


def rewrite_zip(src, dst, change):
    """Copies a zip, passing each (name, bytes) through change(); None drops the entry, (name, bytes) renames it."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = change(info.filename, zin.read(info.filename))
            if isinstance(data, tuple):
                zout.writestr(data[0], data[1])
            elif data is not None:
                zout.writestr(info.filename, data)


def write_percent_names(src, dst):
    """A workbook whose sheet, drawing and shared strings parts have names with a %-escape (a space), as OPC
    allows and openpyxl and LibreOffice open (helper-119): the build refused the sheet as missing, refused the
    strings with a wrong reason, and did not see the chart over the statuses."""
    renamed = {
        "xl/worksheets/sheet1.xml": "xl/worksheets/KPI%20sheet.xml",
        "xl/worksheets/_rels/sheet1.xml.rels": "xl/worksheets/_rels/KPI%20sheet.xml.rels",
        "xl/drawings/drawing1.xml": "xl/drawings/KPI%20chart.xml",
        "xl/drawings/_rels/drawing1.xml.rels": "xl/drawings/_rels/KPI%20chart.xml.rels",
        "xl/sharedStrings.xml": "xl/shared%20strings.xml",
    }

    def change(n, d):
        for old, new in renamed.items():
            d = d.replace(("/" + old).encode(), ("/" + new).encode())
        if n == "xl/_rels/workbook.xml.rels":
            d = d.replace(b'"worksheets/sheet1.xml"', b'"worksheets/KPI%20sheet.xml"').replace(b'"sharedStrings.xml"', b'"shared%20strings.xml"')
        if n == "xl/worksheets/_rels/sheet1.xml.rels":
            d = d.replace(b"drawings/drawing1.xml", b"drawings/KPI%20chart.xml")
        return (renamed[n], d) if n in renamed else d

    rewrite_zip(src, dst, change)


BILLION_LAUGHS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<!DOCTYPE worksheet [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
"""

EXTERNAL_ENTITY = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<!DOCTYPE worksheet [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>
"""

STRICT = [
    ("http://schemas.openxmlformats.org/spreadsheetml/2006/main", "http://purl.oclc.org/ooxml/spreadsheetml/main"),
    ("http://schemas.openxmlformats.org/officeDocument/2006/relationships", "http://purl.oclc.org/ooxml/officeDocument/relationships"),
    ("http://schemas.openxmlformats.org/drawingml/2006/main", "http://purl.oclc.org/ooxml/drawingml/main"),
    ("http://schemas.openxmlformats.org/officeDocument/2006/extended-properties", "http://purl.oclc.org/ooxml/officeDocument/extendedProperties"),
]


def strip_prolog(xml):
    return re.sub(rb"^<\?xml[^>]*\?>\s*", b"", xml)


def to_strict(name, data):
    if not name.endswith((".xml", ".rels")):
        return data
    text = data.decode("utf-8")
    for old, new in STRICT:
        text = text.replace(old, new)
    if name == "xl/workbook.xml":
        text = re.sub(r"<workbook ", '<workbook conformance="strict" ', text, count=1)
    return text.encode("utf-8")


def write_lying_bomb(dst, src):
    """Copies src; the first worksheet gets 200 MB of whitespace while the zip headers say it is small."""
    with zipfile.ZipFile(src) as zin:
        entries = [(i.filename, zin.read(i.filename)) for i in zin.infolist()]
    with zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for name, data in entries:
            if name == "xl/worksheets/sheet1.xml":
                at = data.index(b"<sheetData")
                data = data[:at] + b" " * (200 * 2 ** 20) + data[at:]
            zout.writestr(name, data)
    blob = bytearray(open(dst, "rb").read())
    name = b"xl/worksheets/sheet1.xml"
    big = 200 * 2 ** 20
    # Local file header (PK\3\4): uncompressed size at +22; central directory (PK\1\2): at +24.
    for sig, off in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        name_off = 30 if sig == b"PK\x03\x04" else 46
        at = blob.find(sig)
        while at >= 0:
            n = struct.unpack_from("<H", blob, at + 26 if sig == b"PK\x03\x04" else at + 28)[0]
            if bytes(blob[at + name_off:at + name_off + n]) == name:
                size = struct.unpack_from("<I", blob, at + off)[0]
                assert size > big
                struct.pack_into("<I", blob, at + off, 4096)
            at = blob.find(sig, at + 4)
    open(dst, "wb").write(blob)


AGILE_INFO = (b"\x04\x00\x04\x00\x40\x00\x00\x00" + b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
              b'<encryption xmlns="http://schemas.microsoft.com/office/2006/encryption"><keyData saltSize="16" blockSize="16" '
              b'keyBits="256" hashSize="64" cipherAlgorithm="AES" cipherChaining="ChainingModeCBC" hashAlgorithm="SHA512" '
              b'saltValue="AAAAAAAAAAAAAAAAAAAAAA=="/></encryption>')


def cfb(streams):
    """A minimal Compound File Binary (v3, 512-byte sectors) holding the given streams, each padded to
    4096 bytes or more so that none needs the mini stream. Excel wraps an encrypted package in one."""
    END, FREE, FATSECT, NOSTREAM = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD, 0xFFFFFFFF
    fat = [FATSECT, END]
    body = b""
    starts = []
    for _, data in streams:
        data = data + b"\x00" * (max(4096, -(-len(data) // 512) * 512) - len(data))
        first = len(fat)
        n = len(data) // 512
        fat += [first + i + 1 for i in range(n - 1)] + [END]
        starts.append((first, len(data)))
        body += data
    assert len(fat) <= 128
    fat += [FREE] * (128 - len(fat))

    def entry(name, kind, left, right, child, start, size):
        raw = name.encode("utf-16-le") + b"\x00\x00"
        return (raw.ljust(64, b"\x00") + struct.pack("<HBB3I", len(raw), kind, 1, left, right, child) + b"\x00" * 16
                + struct.pack("<I", 0) + b"\x00" * 16 + struct.pack("<IQ", start, size))
    dirs = entry("Root Entry", 5, NOSTREAM, NOSTREAM, 1, END, 0)
    for i, ((name, _), (start, size)) in enumerate(zip(streams, starts)):
        right = i + 2 if i + 1 < len(streams) else NOSTREAM
        dirs += entry(name, 2, NOSTREAM, right, NOSTREAM, start, size)
    dirs = dirs.ljust(512, b"\x00")
    header = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 16 + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6) + b"\x00" * 6
              + struct.pack("<IIIIIIIII", 0, 1, 1, 0, 4096, END, 0, END, 0) + struct.pack("<I", 0) + struct.pack("<I", FREE) * 108)
    assert len(header) == 512
    return header + struct.pack("<128I", *fat) + dirs + body


def write_encrypted(dst, src):
    """A password-protected workbook as Excel stores one: an OLE compound file with EncryptionInfo and
    EncryptedPackage streams (the package bytes are scrambled, not really encrypted: only the shape matters)."""
    package = bytes(b ^ 0x5A for b in open(src, "rb").read())
    open(dst, "wb").write(cfb([("EncryptionInfo", AGILE_INFO), ("EncryptedPackage", struct.pack("<Q", len(package)) + package)]))


PERSON = "{5B0A6C1E-2F3D-4A5B-8C7D-9E0F1A2B3C4D}"
THREAD = "{1A2B3C4D-5E6F-4071-8293-A4B5C6D7E8F9}"
THREADED = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<ThreadedComments xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments" '
            f'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><threadedComment ref="B2" dT="2024-01-01T09:00:00.00" personId="{PERSON}" id="{THREAD}">'
            f'<text>Some text</text></threadedComment><threadedComment ref="B2" dT="2024-01-02T10:30:00.00" personId="{PERSON}" '
            f'id="{{2C3D4E5F-6A7B-4C8D-9E0F-A1B2C3D4E5F6}}" parentId="{THREAD}"><text>A reply in the thread</text></threadedComment></ThreadedComments>')
PERSONS = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<personList xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments" '
           f'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><person displayName="John" id="{PERSON}" userId="John" providerId="None"/></personList>')
LEGACY_TEXT = ("[Threaded comment]\n\nYour version of Excel allows you to read this threaded comment; however, any edits to it will get removed "
               "if the file is opened in a newer version of Excel. Learn more: https://go.microsoft.com/fwlink/?linkid=870924\n\nComment:\n    Some text\nReply:\n    A reply in the thread")


def write_threaded_comment(src, dst):
    """Excel's comment01.xlsx with its note made a threaded comment (and reply), as Excel 365 stores one:
    the legacy note keeps the placeholder text, the thread is in threadedComments, its people in persons."""
    def change(n, d):
        if n == "xl/comments1.xml":
            return re.sub(rb"<text>.*</text>", b"<text><t>" + LEGACY_TEXT.encode() + b"</t></text>", d.replace(b"<author>John</author>", f"<author>tc={THREAD}</author>".encode()))
        if n == "xl/worksheets/_rels/sheet1.xml.rels":
            return d.replace(b"</Relationships>", b'<Relationship Id="rId3" Type="http://schemas.microsoft.com/office/2017/10/relationships/threadedComment" Target="../threadedComments/threadedComment1.xml"/></Relationships>')
        if n == "xl/_rels/workbook.xml.rels":
            return d.replace(b"</Relationships>", b'<Relationship Id="rId9" Type="http://schemas.microsoft.com/office/2017/10/relationships/person" Target="persons/person.xml"/></Relationships>')
        if n == "[Content_Types].xml":
            return d.replace(b"</Types>", b'<Override PartName="/xl/threadedComments/threadedComment1.xml" ContentType="application/vnd.ms-excel.threadedcomments+xml"/>'
                             b'<Override PartName="/xl/persons/person.xml" ContentType="application/vnd.ms-excel.person+xml"/></Types>')
        return d
    rewrite_zip(src, dst, change)
    with zipfile.ZipFile(dst, "a", zipfile.ZIP_DEFLATED) as z:
        z.writestr("xl/threadedComments/threadedComment1.xml", THREADED)
        z.writestr("xl/persons/person.xml", PERSONS)


def pivot_ods(dst):
    """A small ODS with a data table and a DataPilot (pivot table) over it, for LibreOffice to export."""
    rows = [["Region", "Item", "Volume"], ["East", "Apple", 9000], ["West", "Apple", 3000], ["East", "Pear", 5000], ["North", "Pear", 8000], ["West", "Grape", 6000]]

    def cell(v):
        if isinstance(v, (int, float)):
            return f'<table:table-cell office:value-type="float" office:value="{v}"><text:p>{v}</text:p></table:table-cell>'
        return f'<table:table-cell office:value-type="string"><text:p>{v}</text:p></table:table-cell>'
    data = "".join("<table:table-row>" + "".join(cell(v) for v in r) + "</table:table-row>" for r in rows)
    content = f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">
<office:body><office:spreadsheet>
<table:table table:name="Data">{data}</table:table>
<table:table table:name="Pivot"><table:table-row><table:table-cell/></table:table-row></table:table>
<table:data-pilot-tables><table:data-pilot-table table:name="DataPilot1" table:target-range-address="Pivot.A1:Pivot.B6" table:buttons="Pivot.A1">
<table:source-cell-range table:cell-range-address="Data.A1:Data.C6"/>
<table:data-pilot-field table:source-field-name="Region" table:orientation="row"/>
<table:data-pilot-field table:source-field-name="Volume" table:orientation="data" table:function="sum"/>
<table:data-pilot-field table:source-field-name="" table:is-data-layout-field="true" table:orientation="column"/>
</table:data-pilot-table></table:data-pilot-tables>
</office:spreadsheet></office:body></office:document-content>"""
    manifest = """<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">
<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>
<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
</manifest:manifest>"""
    with zipfile.ZipFile(dst, "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("content.xml", content, zipfile.ZIP_DEFLATED)
        z.writestr("META-INF/manifest.xml", manifest, zipfile.ZIP_DEFLATED)


def write_other_package_cases(bad, tracker, add):
    """Packages helper-119 found read wrongly: a sheet whose relationship is gone (its tracker was left out
    without a word), and an OpenDocument file renamed .xlsx (called corrupt)."""
    rewrite_zip(tracker, os.path.join(bad, "sheet-relationship-missing.xlsx"),
                lambda n, d: re.sub(rb'<Relationship [^>]*Id="rId1"[^>]*/>', b"", d) if n == "xl/_rels/workbook.xml.rels" else d)
    add("sheet-relationship-missing.xlsx", 2, "the workbook's only sheet names a relationship its .rels part does not have: refused naming both (Excel repairs it, openpyxl refuses it)")
    with zipfile.ZipFile(os.path.join(bad, "ods-renamed.xlsx"), "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype", date_time=(2026, 12, 7, 0, 0, 0)), "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr(zipfile.ZipInfo("content.xml", date_time=(2026, 12, 7, 0, 0, 0)), '<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"/>', compress_type=zipfile.ZIP_DEFLATED)
    add("ods-renamed.xlsx", 2, "an OpenDocument spreadsheet (.ods) named .xlsx: said to be one, not called corrupt")
    from openpyxl import Workbook
    book = Workbook()
    book.active.title = "Front"
    book.active["A1"] = "Housing performance"
    kept = book.create_sheet("KPIs")
    for row in tracker_rows():
        kept.append(row)
    kept.sheet_state = "veryHidden"
    book.save(os.path.join(bad, "only-tracker-very-hidden.xlsx"))
    add("only-tracker-very-hidden.xlsx", 3, "the only tracker on a very hidden sheet (which only code shows): not read, and the line names the sheet (helper-120)")


def write_zip_structure_cases(bad, tracker, add):
    """Zips whose entries no valid package has (helper-69): both were built, one left a temporary file behind."""
    import warnings
    with zipfile.ZipFile(tracker) as zin:
        items = [(i.filename, zin.read(i.filename)) for i in zin.infolist()]

    def write(name, entries):
        with warnings.catch_warnings(), zipfile.ZipFile(os.path.join(bad, name), "w", zipfile.ZIP_DEFLATED) as z:
            warnings.simplefilter("ignore")  # zipfile warns of a duplicate name, and writes it
            for n, d in entries:
                z.writestr(zipfile.ZipInfo(n, date_time=(2026, 12, 6, 0, 0, 0)), d, compress_type=zipfile.ZIP_DEFLATED)

    sheet = next(d for n, d in items if n == "xl/worksheets/sheet1.xml")
    write("duplicate-part.xlsx", items + [("xl/worksheets/sheet1.xml", sheet.replace(b"<t>Ref</t>", b"<t>Code</t>", 1))])
    add("duplicate-part.xlsx", 2, "two zip entries named xl/worksheets/sheet1.xml: which is the sheet is left to chance (both were copied out)")
    types = next(d for n, d in items if n == "[Content_Types].xml")
    write("duplicate-part-case.xlsx", items + [("[content_types].xml", types)])
    add("duplicate-part-case.xlsx", 2, "[Content_Types].xml and [content_types].xml: part names are the same without regard to case")
    write("unnamed-entry.xlsx", items + [("", b"x")])
    add("unnamed-entry.xlsx", 2, "a zip entry with no name (the build failed writing it, and left its temporary file)")

    def changed(part, change):
        return [(n, change(d) if n == part else d) for n, d in items]
    latin = sheet.decode("utf-8").replace("<t>Ref</t>", "<t>Réf</t>", 1)
    latin = re.sub(r'^<\?xml[^>]*\?>', '<?xml version="1.0" encoding="ISO-8859-1" standalone="yes"?>', latin if latin.startswith("<?xml") else '<?xml version="1.0"?>' + latin)
    write("latin1-sheet.xlsx", changed("xl/worksheets/sheet1.xml", lambda d: latin.encode("latin-1")))
    add("latin1-sheet.xlsx", 2, "the tracker's sheet in ISO-8859-1: refused in a sentence (it was read and written as UTF-8 under its Latin-1 declaration, garbling every accent and our symbols)")
    dup = sheet.replace(b"</row>", b'<c r="Z1"><v>1</v></c>' * 3 + b"</row>", 1)
    write("repeated-cell.xlsx", changed("xl/worksheets/sheet1.xml", lambda d: dup))
    add("repeated-cell.xlsx", 2, "one cell three times in a row: refused naming it (a few KB of one repeated cell inflated to a gigabyte, and the build ran for minutes)")
    # A part copied unchanged (the theme), one byte of its compressed data flipped: it was copied out, exit 0.
    damaged = os.path.join(bad, "damaged-copied-part.xlsx")
    write("damaged-copied-part.xlsx", items)
    with zipfile.ZipFile(damaged) as z:
        info = z.getinfo("xl/theme/theme1.xml")
    raw = bytearray(open(damaged, "rb").read())
    name_len, extra_len = struct.unpack("<HH", raw[info.header_offset + 26: info.header_offset + 30])
    data = info.header_offset + 30 + name_len + extra_len
    raw[data + info.compress_size // 2] ^= 0x55
    open(damaged, "wb").write(bytes(raw))
    add("damaged-copied-part.xlsx", 2, "a part we only copy (the theme) damaged in the zip: found by its CRC-32, not copied out as it was")
    rowless = sheet.replace(b'<c r="A2"', b'<c r="A"', 1)
    write("cell-without-row.xlsx", changed("xl/worksheets/sheet1.xml", lambda d: rowless))
    add("cell-without-row.xlsx", 2, 'a cell addressed "A", with no row: Excel repairs it, and it was built with exit 0 (helper-88)')
    moved = sheet.replace(b'<c r="B2"', b'<c r="B7"', 1)
    write("cell-in-another-row.xlsx", changed("xl/worksheets/sheet1.xml", lambda d: moved))
    add("cell-in-another-row.xlsx", 2, "cell B7 written inside row 2: Excel repairs it, and it was read into row 2 and built with exit 0")
    twice = sheet.replace(b"<t>Polarity</t>", b"<t>Measure</t>", 1)
    write("names-twice.xlsx", changed("xl/worksheets/sheet1.xml", lambda d: twice))
    add("names-twice.xlsx", 3, "a header whose Indicator and Measure both name the records: not read, and the line names the row and what to rename")
    rows = sheet.replace(b"</sheetData>", b'<row r="3"><c r="A3"><v>1</v></c></row>' * 3 + b"</sheetData>", 1)
    write("repeated-row.xlsx", changed("xl/worksheets/sheet1.xml", lambda d: rows))
    add("repeated-row.xlsx", 2, "one row given again after the last: refused naming it (one row repeated 200,000 times made a 52 MB sheet, with exit 0)")
    write("not-utf8-sheet.xlsx", changed("xl/worksheets/sheet1.xml", lambda d: d.replace(b"<t>Ref</t>", "<t>Réf</t>".encode("latin-1"), 1)))
    add("not-utf8-sheet.xlsx", 2, "a Latin-1 byte in a sheet that declares no encoding (so UTF-8): refused naming the part (it was read as U+FFFD and built with exit 0)")
    write("two-byte-order-marks.xlsx", changed("xl/worksheets/sheet1.xml", lambda d: "\ufeff\ufeff".encode() + d))
    add("two-byte-order-marks.xlsx", 2, "the tracker's sheet starting with two byte order marks: the second is text before the root, not well-formed")
    workbook = next(d for n, d in items if n == "xl/workbook.xml")
    twice = re.sub(rb'(<sheet [^>]*?name=")([^"]+)("[^>]*/>)', lambda m: m.group(0) + m.group(1) + m.group(2).upper() + m.group(3).replace(b'sheetId="1"', b'sheetId="2"'), workbook, count=1)
    write("same-sheet-name.xlsx", changed("xl/workbook.xml", lambda d: twice))
    add("same-sheet-name.xlsx", 2, "two sheets whose names differ only in case: Excel will not open it, and the build carried both through")
    write("app-doctype.xlsx", changed("docProps/app.xml", lambda d: BILLION_LAUGHS.encode() + strip_prolog(d)))
    add("app-doctype.xlsx", 2, "docProps/app.xml with a DOCTYPE of nested entities: refused as in every other part (it was edited as text and written out)")


def write_bad_corpus(bad, made, excel_saved, tmp):
    tracker = os.path.join(made, "openpyxl-tracker.xlsx")
    expected = {}

    def add(name, code, why):
        expected[name] = {"exit": code, "why": why}

    with open(os.path.join(bad, "not-a-zip.xlsx"), "w") as f:
        f.write("Ref,Indicator,Target,Actual\nHE 1,Rent collected,97,98\n")
    add("not-a-zip.xlsx", 2, "a CSV file named .xlsx")

    data = open(tracker, "rb").read()
    open(os.path.join(bad, "truncated.xlsx"), "wb").write(data[: len(data) * 3 // 5])
    add("truncated.xlsx", 2, "the first 60% of a valid workbook: no central directory")

    write_encrypted(os.path.join(bad, "encrypted.xlsx"), tracker)
    add("encrypted.xlsx", 2, "password-protected: an OLE compound file (EncryptionInfo, EncryptedPackage) as Excel saves one")

    rewrite_zip(tracker, os.path.join(bad, "missing-workbook.xlsx"), lambda n, d: None if n == "xl/workbook.xml" else d)
    add("missing-workbook.xlsx", 2, "xl/workbook.xml is not in the package")

    rewrite_zip(tracker, os.path.join(bad, "corrupt-sheet-xml.xlsx"), lambda n, d: d[: len(d) // 2] if n == "xl/worksheets/sheet1.xml" else d)
    add("corrupt-sheet-xml.xlsx", 2, "the tracker's sheet XML stops half-way through")

    def laughs(n, d):
        if n != "xl/worksheets/sheet1.xml":
            return d
        body = strip_prolog(d).replace(b"</sheetData>", b'<row r="20"><c r="A20" t="inlineStr"><is><t>&lol9;</t></is></c></row></sheetData>', 1)
        return BILLION_LAUGHS.encode() + body
    rewrite_zip(tracker, os.path.join(bad, "billion-laughs.xlsx"), laughs)
    add("billion-laughs.xlsx", 2, "a DOCTYPE whose nested entities expand to 3 GB of text")

    def xxe(n, d):
        if n != "xl/worksheets/sheet1.xml":
            return d
        assert b"<t>Ref</t>" in d
        return EXTERNAL_ENTITY.encode() + strip_prolog(d).replace(b"<t>Ref</t>", b"<t>&xxe;</t>", 1)
    rewrite_zip(tracker, os.path.join(bad, "external-entity.xlsx"), xxe)
    add("external-entity.xlsx", 2, "the tracker's header cell is an external entity naming file:///etc/passwd")

    write_lying_bomb(os.path.join(bad, "zip-bomb.xlsx"), tracker)
    add("zip-bomb.xlsx", 2, "a worksheet entry inflates to 200 MB while its zip headers say 4 KB")

    rewrite_zip(tracker, os.path.join(bad, "strict-open-xml.xlsx"), to_strict)
    add("strict-open-xml.xlsx", [0, 2], "Strict Open XML namespaces (conformance=\"strict\"): read it, or refuse it saying Strict")

    def only_charts(n, d):
        if n in ("xl/worksheets/sheet1.xml", "xl/worksheets/_rels/sheet1.xml.rels"):
            return None
        if n == "xl/workbook.xml":
            return re.sub(rb'<sheet name="Sheet1"[^>]*/>', b"", d).replace(b'activeTab="1"', b'activeTab="0"')
        if n == "xl/_rels/workbook.xml.rels":
            return re.sub(rb'<Relationship [^>]*Target="worksheets/sheet1.xml"/>', b"", d)
        if n == "[Content_Types].xml":
            return re.sub(rb'<Override PartName="/xl/worksheets/sheet1.xml"[^>]*/>', b"", d)
        return d
    rewrite_zip(os.path.join(excel_saved, "chartsheet01.xlsx"), os.path.join(bad, "chart-sheets-only.xlsx"), only_charts)
    add("chart-sheets-only.xlsx", 3, "Excel's chartsheet01.xlsx with its worksheet removed: one chart sheet, no worksheet")

    def utf16(part):
        def change(n, d):
            if n != part:
                return d
            return b"\xff\xfe" + d.decode("utf-8").replace('encoding="UTF-8"', 'encoding="UTF-16"').encode("utf-16-le")
        return change
    rewrite_zip(tracker, os.path.join(bad, "utf16-sheet.xlsx"), utf16("xl/worksheets/sheet1.xml"))
    add("utf16-sheet.xlsx", 2, "the tracker's sheet XML in UTF-16 (with its byte order mark): a sentence saying so, not a parse error")
    rewrite_zip(tracker, os.path.join(bad, "utf16-workbook.xlsx"), utf16("xl/workbook.xml"))
    add("utf16-workbook.xlsx", 2, "xl/workbook.xml in UTF-16: refused in a sentence (it was read, patched and written out as UTF-8 still declaring UTF-16)")

    from openpyxl import Workbook
    Workbook().save(os.path.join(bad, "empty-workbook.xlsx"))
    add("empty-workbook.xlsx", 3, "one empty worksheet, as openpyxl writes a new workbook")
    side = Workbook()
    sheet = side.active
    sheet.title = "Dashboard"
    for row in [
        ["Ref", "Indicator", "Polarity", "Target", "Actual", None, "Ref", "Action", "Status", "Due date"],
        ["PI01", "Waste recycled", "Higher is better", 100, 110, None, "AC1", "Deliver action 1", "Completed", "31/03/2011"],
        ["PI02", "Library visits", "Higher is better", 100, 97, None, "AC2", "Deliver action 2", "In progress", "31/03/2011"],
    ]:
        sheet.append(row)
    side.save(os.path.join(bad, "side-by-side.xlsx"))
    add("side-by-side.xlsx", 3, "an indicator and an activity table side by side under one header row: not read, and the line names the row")

    write_zip_structure_cases(bad, tracker, add)
    write_other_package_cases(bad, tracker, add)

    with open(os.path.join(bad, "expected.json"), "w") as f:
        json.dump(expected, f, indent=2)
        f.write("\n")
