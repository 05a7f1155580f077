"""Validate every XML part of an Office package against the ECMA-376 Transitional schemas,
after markup compatibility is processed as Office processes it (ECMA-376 Part 3)."""

from __future__ import annotations

import re
import zipfile
from functools import cache
from pathlib import Path

from lxml import etree

HERE = Path(__file__).resolve().parents[1] / "ecma376"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
XSD = "http://www.w3.org/2001/XMLSchema"
SCHEMAS = ("xml", "sml", "pml", "dml-chart", "dml-spreadsheetDrawing", "vml-main", "vml-officeDrawing",
           "vml-spreadsheetDrawing", "shared-documentPropertiesExtended", "opc-contentTypes", "opc-relationships")
SKIPPED_ROOTS = {
    "{http://schemas.openxmlformats.org/package/2006/metadata/core-properties}coreProperties":
        "its schema imports the Dublin Core schemas, not kept here",
    "{http://schemas.microsoft.com/office/2006/01/customui}customUI": "Office's ribbon, not part of ECMA-376",
}


@cache
def schema() -> etree.XMLSchema:
    """One schema that imports every namespace the tool writes."""
    imports = []
    for name in SCHEMAS:
        target = etree.parse(str(HERE / f"{name}.xsd")).getroot().get("targetNamespace")
        imports.append(f'<xsd:import namespace="{target}" schemaLocation="{(HERE / name).as_uri()}.xsd"/>')
    wrapper = f'<xsd:schema xmlns:xsd="{XSD}">{"".join(imports)}</xsd:schema>'
    return etree.XMLSchema(etree.fromstring(wrapper, base_url=(HERE / "all.xsd").as_uri()))


@cache
def understood() -> frozenset[str]:
    """The namespaces the schemas define: what an ECMA-376 consumer understands."""
    found = set()
    for xsd in HERE.glob("*.xsd"):
        found.add(etree.parse(str(xsd)).getroot().get("targetNamespace"))
    return frozenset(found | {"http://www.w3.org/XML/1998/namespace"})


def process_markup_compatibility(root: etree._Element) -> etree._Element:
    """Ignorable namespaces dropped, AlternateContent resolved to the first Choice whose
    Requires is understood (else Fallback), the mc attributes removed."""
    known = understood()

    def ignorable(el: etree._Element) -> set[str]:
        prefixes = set()
        for node in (el, *el.iterancestors()):
            prefixes.update((node.get(f"{{{MC}}}Ignorable") or "").split())
        return {el.nsmap.get(p) for p in prefixes} - {None}

    for alt in list(root.iter(f"{{{MC}}}AlternateContent")):
        chosen = None
        for branch in alt:
            if branch.tag == f"{{{MC}}}Choice":
                needs = {branch.nsmap.get(p) for p in (branch.get("Requires") or "").split()}
                if needs <= known:
                    chosen = branch
                    break
            elif branch.tag == f"{{{MC}}}Fallback":
                chosen = branch
        parent = alt.getparent()
        at = parent.index(alt)
        parent.remove(alt)
        for child in reversed(list(chosen) if chosen is not None else []):
            parent.insert(at, child)
    elements = [el for el in root.iter() if isinstance(el.tag, str)]
    drops = [ignorable(el) for el in elements]  # before any mc:Ignorable is taken away
    for el, drop in zip(elements, drops, strict=True):
        for name in list(el.attrib):
            ns = etree.QName(name).namespace
            if ns == MC or (ns in drop and ns not in known):
                del el.attrib[name]
        for child in list(el):
            if isinstance(child.tag, str) and etree.QName(child).namespace in drop - known:
                el.remove(child)
    return root


def _roots(part: str, data: bytes) -> list[etree._Element]:
    """What to validate in a part: its root; for a VML drawing, the elements inside the
    `<xml>` wrapper that legacy drawings have (the wrapper itself is in no schema)."""
    root = etree.fromstring(data)
    if root.tag in SKIPPED_ROOTS:
        return []
    for el in root.iter():
        # xml:space may sit on any element (XML 1.0, 2.10); the schemas do not repeat it on
        # every text element that carries it, and Office reads it everywhere.
        el.attrib.pop("{http://www.w3.org/XML/1998/namespace}space", None)
    if part.endswith(".vml") and root.tag == "xml":
        return [etree.fromstring(etree.tostring(child)) for child in root if isinstance(child.tag, str)]
    return [root]


def package_errors(path: Path, allowed: tuple[re.Pattern[str], ...] = ()) -> list[str]:
    """Each schema error as 'part:line: message' (none for a valid package); `allowed` are
    patterns of messages that are known and accepted."""
    errors = []
    with zipfile.ZipFile(path) as z:
        for part in z.namelist():
            if not part.endswith((".xml", ".rels", ".vml")):
                continue
            for root in _roots(part, z.read(part)):
                checker = schema()
                if checker.validate(etree.ElementTree(process_markup_compatibility(root))):
                    continue
                for e in checker.error_log:
                    if not any(a.search(e.message) for a in allowed):
                        errors.append(f"{part}:{e.line}: {e.message}")
    return errors
