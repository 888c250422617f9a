"""Types entries into a workbook through LibreOffice itself (UNO), then saves it as .xlsx.

Usage: /usr/bin/python3 lo_type.py IN.xlsx OUT.xlsx EDITS.json
EDITS.json: {"sheet": name, "cells": {"K15": 180, "M15": "推进中", ...}}; numbers go in as values, text as strings.
"""
import contextlib
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time

import uno
from com.sun.star.beans import PropertyValue


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def office_desktop():
    """A headless LibreOffice of its own (fresh profile, a free local port), its Desktop yielded; ended on exit."""
    profile = tempfile.mkdtemp(prefix="lo-profile-")
    port = free_port()
    office = subprocess.Popen(
        [
            shutil.which("soffice") or "soffice",
            "--headless", "--invisible", "--norestore", "--nologo", "--nodefault",
            f"-env:UserInstallation=file://{profile}",
            f"--accept=socket,host=127.0.0.1,port={port};urp;",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        deadline = time.time() + 60
        while True:
            try:
                ctx = resolver.resolve(f"uno:socket,host=127.0.0.1,port={port};urp;StarOffice.ComponentContext")
                break
            except Exception:
                if time.time() > deadline or office.poll() is not None:
                    raise
                time.sleep(0.3)
        desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        yield desktop
        try:
            desktop.terminate()
        except Exception:
            pass  # the bridge closes as LibreOffice exits
    finally:
        try:
            office.wait(timeout=30)
        except subprocess.TimeoutExpired:
            office.kill()
        shutil.rmtree(profile, ignore_errors=True)


def open_document(desktop, path):
    return desktop.loadComponentFromURL(uno.systemPathToFileUrl(os.path.abspath(path)), "_blank", 0, (prop("Hidden", True),))


def main(source, target, edits_path):
    with open(edits_path, encoding="utf-8") as f:
        edits = json.load(f)
    with office_desktop() as desktop:
        doc = open_document(desktop, source)
        sheet = doc.Sheets.getByName(edits["sheet"])
        for address, value in edits["cells"].items():
            cell = sheet.getCellRangeByName(address)
            if isinstance(value, (int, float)):
                cell.setValue(value)
            else:
                cell.setString(value)
        doc.calculateAll()
        doc.storeToURL(uno.systemPathToFileUrl(os.path.abspath(target)), (prop("FilterName", "Calc MS Excel 2007 XML"),))
        doc.close(True)


if __name__ == "__main__":
    main(*sys.argv[1:4])
