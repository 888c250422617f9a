"""Reads a workbook as LibreOffice sees it (UNO) and prints JSON: per sheet, its protection, every cell's value, and its notes.

Usage: /usr/bin/python3 lo_read.py FILE.xlsx…
Prints a list, one item per file, in one LibreOffice session: {"sheets": [{"name", "protected", "cells": {"K6": {"type": "VALUE"|"TEXT"|"FORMULA", "value", "text", "back"}}, "notes": {"K6": text}}]}.
"""
import json
import sys

from lo_office import office, prop, url


def open_document(desktop, path):
    return desktop.loadComponentFromURL(url(path), "_blank", 0, (prop("Hidden", True),))


def column_letters(n):
    out = ""
    n += 1
    while n:
        n, r = divmod(n - 1, 26)
        out = chr(65 + r) + out
    return out


def read(doc):
    sheets = []
    for i in range(doc.Sheets.getCount()):
        sheet = doc.Sheets.getByIndex(i)
        cursor = sheet.createCursor()
        cursor.gotoEndOfUsedArea(False)
        end = cursor.getRangeAddress()
        cells = {}
        for r in range(end.EndRow + 1):
            for c in range(end.EndColumn + 1):
                cell = sheet.getCellByPosition(c, r)
                kind = cell.getType().value
                if kind == "EMPTY" and cell.CellBackColor in (-1, 0xFFFFFF):
                    continue
                cells[f"{column_letters(c)}{r + 1}"] = {"type": kind, "value": cell.getValue(), "text": cell.getString(), "back": cell.CellBackColor}
        notes = {}
        for note in sheet.getAnnotations():
            p = note.getPosition()
            notes[f"{column_letters(p.Column)}{p.Row + 1}"] = note.getString()
        sheets.append({"name": sheet.getName(), "protected": sheet.isProtected(), "visible": sheet.IsVisible, "cells": cells, "notes": notes})
    return {"sheets": sheets}


def main(sources):
    results = []
    with office() as desktop:
        for source in sources:
            doc = open_document(desktop, source)
            results.append(read(doc))
            doc.close(True)
    sys.stdout.write(json.dumps(results, ensure_ascii=False))


if __name__ == "__main__":
    main(sys.argv[1:])
