"""Write xlplugin/deck/metrics.py: the advance widths of the fonts the deck is measured in,
read from their TrueType files with a small reader of the 'cmap', 'head', 'hhea' and 'hmtx'
tables (no font library needed, at build time or at run time).

    python tools/font_metrics.py   # needs fonts-crosextra-carlito and fonts-dejavu-core

Carlito has the metrics of Calibri, the font of the built-in template (PowerPoint's own);
DejaVu Sans is what LibreOffice draws a glyph in that the font lacks (★), and the wide
stand-in for a template font whose metrics are not known.
"""

from __future__ import annotations

import struct
from pathlib import Path

FONTS = {
    "carlito": "/usr/share/fonts/truetype/crosextra/Carlito-Regular.ttf",
    "carlito-bold": "/usr/share/fonts/truetype/crosextra/Carlito-Bold.ttf",
    "dejavu": "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "dejavu-bold": "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
}
CHARS = [chr(c) for c in range(0x20, 0x250)] + list("‐‑–—‘’‚“”„†•…‰‹›€™←↑→↓≤≥≠★☆●○■□▲△▼▽◆◇✓✗·")
OUT = Path(__file__).resolve().parent.parent / "xlplugin" / "deck" / "metrics.py"


def _tables(data: bytes) -> dict[str, bytes]:
    count = struct.unpack(">H", data[4:6])[0]
    out = {}
    for i in range(count):
        tag, _, offset, length = struct.unpack(">4sIII", data[12 + 16 * i: 28 + 16 * i])
        out[tag.decode("latin-1")] = data[offset: offset + length]
    return out


def _cmap(table: bytes) -> dict[int, int]:
    """The Unicode BMP map (format 4, platform 3 encoding 1, or platform 0)."""
    count = struct.unpack(">H", table[2:4])[0]
    for i in range(count):
        platform, encoding, offset = struct.unpack(">HHI", table[4 + 8 * i: 12 + 8 * i])
        if (platform, encoding) in ((3, 1), (0, 3)) and struct.unpack(">H", table[offset: offset + 2])[0] == 4:
            sub = table[offset:]
            segs = struct.unpack(">H", sub[6:8])[0] // 2
            ends = struct.unpack(f">{segs}H", sub[14: 14 + 2 * segs])
            starts = struct.unpack(f">{segs}H", sub[16 + 2 * segs: 16 + 4 * segs])
            deltas = struct.unpack(f">{segs}h", sub[16 + 4 * segs: 16 + 6 * segs])
            range_at = 16 + 6 * segs
            ranges = struct.unpack(f">{segs}H", sub[range_at: range_at + 2 * segs])
            glyphs: dict[int, int] = {}
            for s in range(segs):
                for code in range(starts[s], ends[s] + 1):
                    if code == 0xFFFF:
                        continue
                    if ranges[s] == 0:
                        glyph = (code + deltas[s]) & 0xFFFF
                    else:
                        at = range_at + 2 * s + ranges[s] + 2 * (code - starts[s])
                        glyph = struct.unpack(">H", sub[at: at + 2])[0]
                        glyph = (glyph + deltas[s]) & 0xFFFF if glyph else 0
                    if glyph:
                        glyphs[code] = glyph
            return glyphs
    raise ValueError("no Unicode cmap")


def widths(path: str) -> dict[str, int]:
    """Advance width of each of CHARS the font has, in thousandths of an em."""
    t = _tables(Path(path).read_bytes())
    units = struct.unpack(">H", t["head"][18:20])[0]
    metrics = struct.unpack(">H", t["hhea"][34:36])[0]
    advances = struct.unpack(f">{metrics}H", b"".join(t["hmtx"][4 * i: 4 * i + 2] for i in range(metrics)))
    glyphs = _cmap(t["cmap"])
    out = {}
    for char in CHARS:
        glyph = glyphs.get(ord(char))
        if glyph is not None:
            out[char] = round(advances[min(glyph, metrics - 1)] * 1000 / units)
    return out


def main() -> None:
    lines = ['"""Advance widths (thousandths of an em) of the fonts the deck is measured in; written by',
             'tools/font_metrics.py from the fonts\' TrueType files. Do not edit."""', "",
             "WIDTHS: dict[str, dict[str, int]] = {"]
    for name, path in FONTS.items():
        table = widths(path)
        lines.append(f"    {name!r}: {{")
        items = [f"{c!r}: {w}" for c, w in table.items()]
        for i in range(0, len(items), 12):
            lines.append("        " + ", ".join(items[i: i + 12]) + ",")
        lines.append("    },")
    lines.append("}")
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
