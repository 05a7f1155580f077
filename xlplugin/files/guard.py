"""Look at a file before any parser touches it: what it really is, and whether it is
within the limits. Everything refused gets one sentence that says what to do."""

from __future__ import annotations

import zipfile
from pathlib import Path

from xlplugin.errors import WorkbookError, quote_path
from xlplugin.text import Text

MAX_FILE_BYTES = 50 * 2**20
"""A journey workbook of 10,000 touchpoints is a few MB; 50 MB is far beyond any real one."""
MAX_ENTRIES = 5_000
MAX_UNCOMPRESSED = 600 * 2**20
MAX_RATIO = 150
"""Compression ratio allowed for a part over 1 MB; real sheets compress 5 to 20 times."""
RATIO_FLOOR = 2**20

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
STRICT_NS = b"http://purl.oclc.org/ooxml/spreadsheetml/main"


def _fail(en: str, nl: str) -> WorkbookError:
    return WorkbookError(Text(en, nl))


def _ole_kind(path: Path) -> str:
    """'encrypted' for a password-protected Office file, else 'xls' (or another OLE file)."""
    try:
        import msoffcrypto  # lazily: only an OLE file pays for it

        with path.open("rb") as f:
            office = msoffcrypto.OfficeFile(f)
            if office.is_encrypted():
                return "encrypted"
            return "xls"
    except Exception:
        return "ole"


def _text_kind(head: bytes) -> str | None:
    sample = head.lstrip(b"\xef\xbb\xbf").lstrip()
    lower = sample[:2048].lower()
    if lower.startswith((b"{", b"[")):
        return "json"
    if lower.startswith(b"%pdf"):
        return "pdf"
    if b"urn:schemas-microsoft-com:office:spreadsheet" in lower:
        return "xml2003"
    if lower.startswith((b"<!doctype html", b"<html")) or b"<table" in lower[:512]:
        return "html"
    try:
        text = sample[:4096].decode("utf-8")
    except UnicodeDecodeError:
        try:
            text = sample[:4096].decode("cp1252")
        except UnicodeDecodeError:
            return None
    printable = sum(ch.isprintable() or ch in "\r\n\t" for ch in text)
    if text and printable / len(text) > 0.95 and any(sep in text for sep in (",", ";", "\t")):
        return "csv"
    return None


def _check_zip(path: Path, name: str) -> None:  # name: as messages show it
    try:
        with zipfile.ZipFile(path) as z:
            infos = z.infolist()
            names = {i.filename for i in infos}
            if len(infos) > MAX_ENTRIES:
                raise _fail(f"{name} holds {len(infos)} parts; a workbook has far fewer. It was not read.",
                            f"{name} bevat {len(infos)} onderdelen; een werkmap heeft er veel minder. Het is niet gelezen.")
            total = sum(i.file_size for i in infos)
            if total > MAX_UNCOMPRESSED:
                raise _fail(f"{name} unpacks to {total // 2**20} MB, more than the {MAX_UNCOMPRESSED // 2**20} MB allowed. It was not read.",
                            f"{name} pakt uit tot {total // 2**20} MB, meer dan de toegestane {MAX_UNCOMPRESSED // 2**20} MB. Het is niet gelezen.")
            for i in infos:
                if i.file_size > RATIO_FLOOR and i.file_size > MAX_RATIO * max(i.compress_size, 1):
                    raise _fail(f"{name} has a part that unpacks {i.file_size // max(i.compress_size, 1)} times its size "
                                "(a 'zip bomb'). It was not read.",
                                f"{name} heeft een onderdeel dat {i.file_size // max(i.compress_size, 1)} keer zo groot "
                                "uitpakt (een 'zipbom'). Het is niet gelezen.")
            if "mimetype" in names and b"opendocument.spreadsheet" in z.read("mimetype")[:100]:
                raise _fail(f"{name} is an OpenDocument spreadsheet (.ods). Open it in LibreOffice or Excel and save it as Excel workbook (.xlsx).",
                            f"{name} is een OpenDocument-rekenblad (.ods). Open het in LibreOffice of Excel en sla het op als Excel-werkmap (.xlsx).")
            if any(n.endswith("workbook.bin") for n in names):
                raise _fail(f"{name} is an Excel binary workbook (.xlsb). In Excel choose Save As > Excel Workbook (.xlsx).",
                            f"{name} is een binaire Excel-werkmap (.xlsb). Kies in Excel Opslaan als > Excel-werkmap (.xlsx).")
            if any(n.startswith("word/") for n in names):
                raise _fail(f"{name} is a Word document, not a workbook.", f"{name} is een Word-document, geen werkmap.")
            if any(n.startswith("ppt/") for n in names):
                raise _fail(f"{name} is a PowerPoint file, not a workbook.", f"{name} is een PowerPoint-bestand, geen werkmap.")
            if "xl/workbook.xml" in names and STRICT_NS in z.read("xl/workbook.xml")[:4096]:
                raise _fail(f"{name} is saved as 'Strict Open XML', which cannot be read. In Excel choose Save As > Excel Workbook (.xlsx).",
                            f"{name} is opgeslagen als 'Strict Open XML' en kan niet gelezen worden. Kies in Excel Opslaan als > Excel-werkmap (.xlsx).")
            if "[Content_Types].xml" not in names:
                raise _fail(f"{name} is a zip file, not an Excel workbook.", f"{name} is een zipbestand, geen Excel-werkmap.")
            for i in infos:
                # A DOCTYPE can only stand before the root element; Excel never writes one.
                if i.filename.endswith((".xml", ".rels")) and i.file_size:
                    with z.open(i) as part:
                        head = part.read(2048)
                    if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
                        raise _fail(f"{name} contains XML entity declarations, which Excel never writes (a known attack). It was not read.",
                                    f"{name} bevat XML-entiteitdeclaraties, die Excel nooit schrijft (een bekende aanval). Het is niet gelezen.")
    except zipfile.BadZipFile as exc:
        raise _fail(f"{name} is damaged (not a complete Excel file). Open it in Excel, let Excel repair it, and save it again.",
                    f"{name} is beschadigd (geen volledig Excel-bestand). Open het in Excel, laat Excel het herstellen en sla het opnieuw op.") from exc


def inspect_workbook(path: Path) -> None:
    """Raise WorkbookError unless `path` looks like an .xlsx/.xlsm workbook within the limits."""
    name, shown = quote_path(path.name), quote_path(path)
    try:
        size = path.stat().st_size
        with path.open("rb") as f:
            head = f.read(8192)
    except FileNotFoundError as exc:
        raise _fail(f"File not found: {shown}", f"Bestand niet gevonden: {shown}") from exc
    except IsADirectoryError as exc:
        raise _fail(f"{shown} is a folder, not a workbook.", f"{shown} is een map, geen werkmap.") from exc
    except PermissionError as exc:
        raise _fail(f"No permission to read {shown}.", f"Geen toestemming om {shown} te lezen.") from exc
    except OSError as exc:
        raise _fail(f"{shown} cannot be read (error {exc.errno}).", f"{shown} kan niet gelezen worden (fout {exc.errno}).") from exc
    if size == 0:
        raise _fail(f"{name} is empty (0 bytes).", f"{name} is leeg (0 bytes).")
    if size > MAX_FILE_BYTES:
        raise _fail(f"{name} is {size // 2**20} MB, more than the {MAX_FILE_BYTES // 2**20} MB a journey workbook may be.",
                    f"{name} is {size // 2**20} MB, meer dan de {MAX_FILE_BYTES // 2**20} MB die een klantreiswerkmap mag zijn.")
    if head.startswith(OLE_MAGIC):
        kind = _ole_kind(path)
        if kind == "encrypted":
            raise _fail(f"{name} is protected with a password. Open it in Excel, remove the password (File > Info > Protect Workbook), and save it again.",
                        f"{name} is beveiligd met een wachtwoord. Open het in Excel, haal het wachtwoord weg (Bestand > Info > Werkmap beveiligen) en sla het opnieuw op.")
        raise _fail(f"{name} is an old Excel 97-2003 file (.xls). In Excel choose Save As > Excel Workbook (.xlsx).",
                    f"{name} is een oud Excel 97-2003-bestand (.xls). Kies in Excel Opslaan als > Excel-werkmap (.xlsx).")
    if head.startswith(b"PK"):
        _check_zip(path, name)
        return
    kind = _text_kind(head)
    if kind == "json" or path.suffix.lower() == ".json":
        raise _fail(f"{name} is a JSON document, not a workbook: turn it into one with "
                    f"'xlplugin import {shown} -o journey.xlsx'.",
                    f"{name} is een JSON-document, geen werkmap: maak er een werkmap van met "
                    f"'xlplugin import {shown} -o klantreis.xlsx'.")
    message = {
        "csv": ("a text (CSV) file, not a workbook. Open it in Excel and save it as Excel Workbook (.xlsx).",
                "een tekstbestand (CSV), geen werkmap. Open het in Excel en sla het op als Excel-werkmap (.xlsx)."),
        "html": ("a web page (HTML) saved with an Excel name. Open it in Excel and save it as Excel Workbook (.xlsx).",
                 "een webpagina (HTML) met een Excel-naam. Open het in Excel en sla het op als Excel-werkmap (.xlsx)."),
        "xml2003": ("an Excel 2003 XML spreadsheet. Open it in Excel and save it as Excel Workbook (.xlsx).",
                    "een Excel 2003 XML-werkblad. Open het in Excel en sla het op als Excel-werkmap (.xlsx)."),
        "pdf": ("a PDF document, not a workbook.", "een PDF-document, geen werkmap."),
    }.get(kind or "", ("not an Excel workbook (.xlsx). Open it in Excel and save it as Excel Workbook (.xlsx).",
                       "geen Excel-werkmap (.xlsx). Open het in Excel en sla het op als Excel-werkmap (.xlsx)."))
    raise _fail(f"{name} is {message[0]}", f"{name} is {message[1]}")


def inspect_package(path: Path) -> None:
    """Limits for any Office package the tool opens (a PowerPoint template too): a zip
    within the entry, size and ratio caps."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise _fail(f"{quote_path(path)} cannot be read.", f"{quote_path(path)} kan niet gelezen worden.") from exc
    if size > MAX_FILE_BYTES:
        raise _fail(f"{path.name} is larger than {MAX_FILE_BYTES // 2**20} MB.", f"{path.name} is groter dan {MAX_FILE_BYTES // 2**20} MB.")
    try:
        with zipfile.ZipFile(path) as z:
            infos = z.infolist()
    except (zipfile.BadZipFile, OSError) as exc:
        raise _fail(f"{path.name} is not an Office file that can be read.", f"{path.name} is geen leesbaar Office-bestand.") from exc
    total = sum(i.file_size for i in infos)
    bomb = any(i.file_size > RATIO_FLOOR and i.file_size > MAX_RATIO * max(i.compress_size, 1) for i in infos)
    if len(infos) > MAX_ENTRIES or total > MAX_UNCOMPRESSED or bomb:
        raise _fail(f"{path.name} unpacks to more than an Office file should (a 'zip bomb'?). It was not read.",
                    f"{path.name} pakt groter uit dan een Office-bestand hoort (een 'zipbom'?). Het is niet gelezen.")
