"""Drive a headless LibreOffice over UNO as a person would, for tests/calc/test_calc.py.

Run with the Python that has LibreOffice's `uno` (Debian: /usr/bin/python3 with
python3-uno). Commands, one JSON object per line on stdout:

  install PORT OXT                 add the extension with LibreOffice's extension manager
  click PORT WORKBOOK STEP...      open the workbook (visible), carry out each step (click a menu
                                   entry or toolbar button, or dispatch a command URL; see _press),
                                   report what Calc shows after each, save as xlsx
  vba PORT WORKBOOK                the VBA modules as LibreOffice's VBA importer reads them
  time PORT WORKBOOK URL...        open the workbook, dispatch each command URL as its menu entry
                                   does and report the seconds each took (for bench/calc_click.py)
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

import uno
import unohelper
from com.sun.star.beans import PropertyValue
from com.sun.star.task import XInteractionHandler
from com.sun.star.ucb import XCommandEnvironment, XProgressHandler


def connect(port: int):
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    for _ in range(600):
        try:
            return resolver.resolve(f"uno:socket,host=127.0.0.1,port={port};urp;StarOffice.ComponentContext")
        except Exception:
            time.sleep(0.1)
    raise SystemExit("LibreOffice did not answer on the port")


def prop(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


class Env(unohelper.Base, XCommandEnvironment, XInteractionHandler, XProgressHandler):
    """Says yes to every question the extension manager asks (licence, replace)."""

    def getInteractionHandler(self):
        return self

    def getProgressHandler(self):
        return self

    def handle(self, request):
        for c in request.getContinuations():
            if c.queryInterface(uno.getTypeByName("com.sun.star.task.XInteractionApprove")):
                c.select()
                return

    def push(self, status):
        pass

    def update(self, status):
        pass

    def pop(self):
        pass


def install(port: int, oxt: str) -> dict:
    ctx = connect(port)
    manager = ctx.getValueByName("/singletons/com.sun.star.deployment.ExtensionManager")
    env = Env()
    try:
        manager.addExtension(Path(oxt).resolve().as_uri(), (), "user", manager.createAbortChannel(), env)
    except Exception as exc:  # say why: the manager wraps the cause
        raise SystemExit(f"{exc.Message}: {getattr(exc, 'Cause', None)}") from exc
    deployed = manager.getDeployedExtensions("user", manager.createAbortChannel(), env)
    return {"installed": [e.getIdentifier().Value for e in deployed]}


def _view(doc) -> dict:
    sheets = doc.Sheets
    view = {"sheets": list(sheets.ElementNames), "hidden": [], "fills": {}, "notes": {}, "values": {}}
    for name in sheets.ElementNames:
        sheet = sheets.getByName(name)
        if not sheet.IsVisible:
            view["hidden"].append(name)
        cursor = sheet.createCursor()
        cursor.gotoStartOfUsedArea(False)
        cursor.gotoEndOfUsedArea(True)
        area = cursor.RangeAddress
        for r in range(area.StartRow, area.EndRow + 1):
            for c in range(area.StartColumn, area.EndColumn + 1):
                cell = sheet.getCellByPosition(c, r)
                if not cell.IsCellBackgroundTransparent:
                    view["fills"][f"{name}!{cell.AbsoluteName.split('.')[-1].replace('$', '')}"] = (
                        f"{cell.CellBackColor & 0xFFFFFF:06X}")
        notes = sheet.Annotations
        for i in range(notes.Count):
            note = notes.getByIndex(i)
            at = sheet.getCellByPosition(note.Position.Column, note.Position.Row)
            view["notes"][f"{name}!{at.AbsoluteName.split('.')[-1].replace('$', '')}"] = note.String
        view["values"][name] = [list(row) for row in cursor.getDataArray()]
    view["charts"] = {n: len(sheets.getByName(n).Charts.ElementNames) for n in sheets.ElementNames}
    view["chart_lines"] = [
        sheets.getByName(n).Charts.getByIndex(i).EmbeddedObject.Diagram.getDataRowProperties(0).LineStyle.value
        for n in sheets.ElementNames for i in range(sheets.getByName(n).Charts.Count)]
    view["chart_axes"] = [chart_axes(sheets.getByName(n), i)
                          for n in sheets.ElementNames for i in range(sheets.getByName(n).Charts.Count)]
    view["active"] = doc.CurrentController.ActiveSheet.Name
    return view


def chart_axes(sheet, index: int) -> dict:
    """What a chart shows, read back as a person would check it: each axis's title, and the
    header (row 1) and cells of the column each role of each series draws from."""
    chart = sheet.Charts.getByIndex(index).EmbeddedObject
    series = []
    for chart_type in chart.getFirstDiagram().getCoordinateSystems()[0].getChartTypes():
        for one in chart_type.getDataSeries():
            roles = {}
            for labelled in one.getDataSequences():
                source = labelled.getValues().getSourceRangeRepresentation()
                cells = sheet.getCellRangeByName(source.split(".")[-1])
                header = sheet.getCellByPosition(cells.RangeAddress.StartColumn, 0).getString()
                roles[labelled.getValues().Role] = {"header": header, "range": source,
                                                    "values": [row[0] for row in cells.getDataArray()]}
            labels = []
            for i in range(len(roles.get("values-y", {}).get("values", []))):
                point = one.getDataPointByIndex(i)
                fields = getattr(point, "CustomLabelFields", None) or ()
                labels.append("".join(f.getString() for f in fields))
            roles["labels"] = labels
            named = one.getDataSequences()[0].getLabel()
            roles["name"] = (sheet.getCellRangeByName(named.getSourceRangeRepresentation().split(".")[-1]).getString()
                             if named else "")
            roles["line"] = one.LineStyle.value
            roles["series_name_shown"] = bool(one.Label.ShowSeriesName)
            series.append(roles)
    diagram = chart.Diagram
    return {"x_title": diagram.XAxisTitle.String, "y_title": diagram.YAxisTitle.String,
            "x_min": diagram.XAxis.Min, "x_max": diagram.XAxis.Max, "series": series}


MENU_BAR = 35
"""com.sun.star.accessibility.AccessibleRole.MENU_BAR."""


def _children(context):
    return [context.getAccessibleChild(i).getAccessibleContext() for i in range(context.getAccessibleChildCount())]


def _menu_entry(frame, menu: str, entry: str):
    """The entry of a menu in the window's menu bar, as assistive technology sees it."""
    window = frame.ContainerWindow.getAccessibleContext()
    bar = next(c for c in _children(window) if c.getAccessibleRole() == MENU_BAR)
    found = next(c for c in _children(bar) if c.getAccessibleName() == menu)
    return next(c for c in _children(found) if c.getAccessibleName() == entry)


def _toolbar_button(frame, toolbar: str, entry: str):
    window = frame.LayoutManager.getElement(f"private:resource/toolbar/{toolbar}").RealInterface
    return next(c for c in _children(window.getAccessibleContext()) if c.getAccessibleName() == entry)


def _press(doc, frame, step: str) -> None:
    """One step: 'menu:MENU:ENTRY>SHEET' or 'toolbar:NAME:ENTRY>SHEET' clicks the entry (its
    accessible action, what a screen reader's click does) and waits until SHEET is shown;
    anything else is a command URL, dispatched to the frame as a menu entry dispatches it."""
    what, shows = step.split(">")
    kind, place, entry = what.split(":", 2)
    controller = doc.CurrentController
    controller.setActiveSheet(doc.Sheets.getByIndex(0))
    button = _menu_entry(frame, place, entry) if kind == "menu" else _toolbar_button(frame, place, entry)
    button.doAccessibleAction(0)  # posted to the office's main loop, as a real click is
    for _ in range(1200):
        if controller.ActiveSheet.Name == shows:
            return
        time.sleep(0.1)
    raise SystemExit(f"{entry} did not show {shows}")


def _open(port: int, workbook: str):
    """The workbook open in a window of the office on `port`, its frame, and a dispatcher."""
    ctx = connect(port)
    smgr = ctx.ServiceManager
    desktop = smgr.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
    doc = desktop.loadComponentFromURL(Path(workbook).resolve().as_uri(), "_blank", 0, (prop("Hidden", False),))
    return doc, doc.CurrentController.Frame, smgr.createInstanceWithContext("com.sun.star.frame.DispatchHelper", ctx)


def click(port: int, workbook: str, urls: list[str]) -> dict:
    doc, frame, helper = _open(port, workbook)
    views = []
    for step in urls:
        if step.startswith(("menu:", "toolbar:")):
            _press(doc, frame, step)
        else:  # what a click on a menu entry does: the frame dispatches the entry's command URL
            helper.executeDispatch(frame, step, "", 0, ())
        views.append(_view(doc))
    if os.environ.get("XLPLUGIN_DRIVER_PDF"):  # what Calc itself prints, for a person to look at
        doc.storeToURL(Path(os.environ["XLPLUGIN_DRIVER_PDF"]).resolve().as_uri(),
                       (prop("FilterName", "calc_pdf_Export"),))
    out = Path(workbook).with_name(Path(workbook).stem + "-calc.xlsx")
    doc.storeToURL(out.resolve().as_uri(), (prop("FilterName", "Calc MS Excel 2007 XML"),))
    doc.close(True)
    return {"views": views, "saved": str(out)}


def timed(port: int, workbook: str, urls: list[str]) -> dict:
    """Seconds per dispatched menu command, on an open workbook: what a person waits for."""
    doc, frame, helper = _open(port, workbook)
    seconds, statuses = [], []
    status = doc.Sheets.getByIndex(0).getCellRangeByName("B2")
    for url in urls:
        doc.CurrentController.setActiveSheet(doc.Sheets.getByIndex(0))
        status.setString("")
        start = time.perf_counter()
        helper.executeDispatch(frame, url, "", 0, ())
        seconds.append(time.perf_counter() - start)
        statuses.append(status.getString())  # written by then: the dispatch returns when the click is done
    doc.close(True)
    return {"seconds": seconds, "statuses": statuses, "status": statuses[-1]}


def vba(port: int, path: str) -> dict:
    """The VBA of a workbook as LibreOffice's importer reads it: library -> module -> code."""
    ctx = connect(port)
    desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
    doc = desktop.loadComponentFromURL(Path(path).resolve().as_uri(), "_blank", 0, (
        prop("Hidden", True), prop("FilterName", "Calc MS Excel 2007 VBA XML")))
    libraries = doc.BasicLibraries
    found = {}
    for name in libraries.ElementNames:
        libraries.loadLibrary(name)
        library = libraries.getByName(name)
        found[name] = {module: library.getByName(module) for module in library.ElementNames}
    doc.close(True)
    return {"libraries": found}


def main(argv: list[str]) -> None:
    command, port = argv[0], int(argv[1])
    if command == "install":
        result = install(port, argv[2])
    elif command == "vba":
        result = vba(port, argv[2])
    elif command == "time":
        result = timed(port, argv[2], argv[3:])
    else:
        result = click(port, argv[2], argv[3:])
    print(json.dumps(result, default=str))


if __name__ == "__main__":
    main(sys.argv[1:])
