"""Prints workbooks to PDF through LibreOffice and measures, with LibreOffice's own layout, every cell whose text is cut.

Usage: /usr/bin/python3 lo_print.py OUTDIR BOOK.xlsx...
Writes OUTDIR/BOOK.pdf for each and prints JSON: {BOOK.xlsx: {"cells": n, "cut": [{sheet, cell, text, need, have}]}}.
A cell's text is cut when it needs more width (unwrapped) or height (wrapped, or a font taller than its row) than its
cell, merged or not, has: what it needs is measured by setting it alone, formatted alike, into a cell LibreOffice sizes
to fit (optimal width or height).
"""
import json
import os
import sys

from lo_office import office, prop, url

FONT = ("CharFontName", "CharFontNameAsian", "CharHeight", "CharHeightAsian", "CharWeight", "CharWeightAsian", "CharPosture", "IsTextWrapped")
# 1/100 mm: LibreOffice rounds sizes to twips, and its optimal width adds a little room of its own.
SLACK = 10


def measure(sheet, scratch, needs):
    cells, cut = 0, []
    cursor = sheet.createCursor()
    cursor.gotoEndOfUsedArea(False)
    last_col, last_row = cursor.RangeAddress.EndColumn, cursor.RangeAddress.EndRow
    columns = [sheet.Columns.getByIndex(c) for c in range(last_col + 1)]
    rows = [sheet.Rows.getByIndex(r) for r in range(last_row + 1)]
    widths = [c.Width if c.IsVisible else 0 for c in columns]
    heights = [r.Height if r.IsVisible else 0 for r in rows]
    probe = scratch.getCellByPosition(0, 0)
    texts = sheet.getCellRangeByPosition(0, 0, last_col, last_row).getDataArray()
    for r in range(last_row + 1):
        if heights[r] == 0:
            continue
        for c in range(last_col + 1):
            if widths[c] == 0 or texts[r][c] == "":
                continue
            cell = sheet.getCellByPosition(c, r)
            text = cell.String
            width, height = widths[c], heights[r]
            if cell.getIsMerged():
                area = sheet.createCursorByRange(cell)
                area.collapseToMergedArea()
                a = area.RangeAddress
                width = sum(widths[a.StartColumn : a.EndColumn + 1])
                height = sum(heights[a.StartRow : a.EndRow + 1])
            cells += 1
            font = cell.getPropertyValues(FONT)
            wrapped = font[-1]
            key = (text, repr(font), width if wrapped else None)
            if key not in needs:
                probe.setPropertyValues(FONT, font)
                probe.String = text
                column, row = scratch.Columns.getByIndex(0), scratch.Rows.getByIndex(0)
                if wrapped:
                    column.Width = width
                else:
                    column.OptimalWidth = True
                row.OptimalHeight = True
                needs[key] = {"width": column.Width, "height": row.Height}
            need = needs[key]
            wide = not wrapped and need["width"] > width + SLACK
            tall = need["height"] > height + SLACK
            if wide or tall:
                cut.append({"sheet": sheet.Name, "cell": cell.AbsoluteName.split(".")[-1].replace("$", ""), "text": text, "need": need, "have": {"width": width, "height": height}})
    return cells, cut


def main(outdir, *books):
    result = {}
    with office() as desktop:
        for book in books:
            doc = desktop.loadComponentFromURL(url(book), "_blank", 0, (prop("Hidden", True),))
            try:
                name = os.path.splitext(os.path.basename(book))[0]
                doc.storeToURL(url(os.path.join(outdir, f"{name}.pdf")), (prop("FilterName", "calc_pdf_Export"),))
                sheets = [doc.Sheets.getByIndex(i) for i in range(doc.Sheets.Count)]
                doc.Sheets.insertNewByName("_fit", doc.Sheets.Count)
                scratch = doc.Sheets.getByName("_fit")
                total, cut, needs = 0, [], {}
                for sheet in sheets:
                    if sheet.IsVisible:
                        n, c = measure(sheet, scratch, needs)
                        total += n
                        cut += c
                result[os.path.basename(book)] = {"cells": total, "cut": cut}
            finally:
                doc.close(True)
    json.dump(result, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main(*sys.argv[1:])
