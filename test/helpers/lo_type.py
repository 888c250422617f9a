"""Types entries into a workbook through LibreOffice itself (UNO), then saves it as .xlsx.

Usage: /usr/bin/python3 lo_type.py IN.xlsx OUT.xlsx EDITS.json
EDITS.json: {"sheet": name, "cells": {"K15": 180, "M15": "推进中", ...}}; numbers go in as values, text as strings.
"""
import json
import sys

from lo_office import office, prop, url


def main(source, target, edits_path):
    with open(edits_path, encoding="utf-8") as f:
        edits = json.load(f)
    with office() as desktop:
        doc = desktop.loadComponentFromURL(url(source), "_blank", 0, (prop("Hidden", True),))
        sheet = doc.Sheets.getByName(edits["sheet"])
        for address, value in edits["cells"].items():
            cell = sheet.getCellRangeByName(address)
            if isinstance(value, (int, float)):
                cell.setValue(value)
            else:
                cell.setString(value)
        doc.calculateAll()
        doc.storeToURL(url(target), (prop("FilterName", "Calc MS Excel 2007 XML"),))
        doc.close(True)


if __name__ == "__main__":
    main(*sys.argv[1:4])
