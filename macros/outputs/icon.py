"""The web app's icons: our mark (docs/assets/images/mark.svg) as PNG files, drawn at build time.

Phones want PNG icons of 192 and 512 pixels in a web app manifest. The mark is circles only
(twelve dots around two linked rings, as the favicon draws them with a dashed ring), so it is
drawn here row by row from the circles' equations, with no imaging library: each pixel's share
of white is measured on four lines within it and exactly along it, which smooths the edges.
"""
from __future__ import annotations

import math
import struct
import zlib

BACKGROUND = (0x1A, 0x23, 0x7E)   # the favicon's square
FOREGROUND = (0xFF, 0xFF, 0xFF)
# The favicon's drawing, on its 48-unit square: (centre x, centre y, outer radius, inner radius).
_DOTS = [(24 + 18 * math.cos(math.radians(30 * k - 90)), 24 + 18 * math.sin(math.radians(30 * k - 90)), 2.1, 0.0)
         for k in range(12)]
_RINGS = [(19.5, 24.0, 8.5, 5.5), (28.5, 24.0, 8.5, 5.5)]
SHAPES = _DOTS + _RINGS
_SUBROWS = 4


def _spans(cx: float, cy: float, outer: float, inner: float, y: float) -> list[tuple[float, float]]:
    """Where the row at height y crosses a disc (inner 0) or a ring."""
    dy = y - cy
    if abs(dy) >= outer:
        return []
    half = math.sqrt(outer * outer - dy * dy)
    if abs(dy) >= inner:
        return [(cx - half, cx + half)]
    hole = math.sqrt(inner * inner - dy * dy)
    return [(cx - half, cx - hole), (cx + hole, cx + half)]


def coverage(size: int) -> list[list[float]]:
    """Each pixel's share of white, 0 to 1, rows of a size × size square."""
    scale = size / 48
    rows = []
    for py in range(size):
        row = [0.0] * size
        for sub in range(_SUBROWS):
            y = (py + (sub + 0.5) / _SUBROWS) / scale
            for cx, cy, outer, inner in SHAPES:
                for a, b in _spans(cx, cy, outer, inner, y):
                    left, right = max(a * scale, 0.0), min(b * scale, float(size))
                    first, last = int(left), min(int(right), size - 1)
                    for px in range(first, last + 1):
                        row[px] += (min(right, px + 1) - max(left, px)) / _SUBROWS
        rows.append([min(value, 1.0) for value in row])
    return rows


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def png(size: int) -> bytes:
    """The mark as an RGB PNG of size × size pixels."""
    raw = bytearray()
    # Most pixels are all background or all foreground: their bytes are the colours themselves.
    whole = {0.0: bytes(BACKGROUND), 1.0: bytes(FOREGROUND)}
    for row in coverage(size):
        raw.append(0)   # no filter
        for share in row:
            raw += whole.get(share) or bytes(round(b + (f - b) * share) for b, f in zip(BACKGROUND, FOREGROUND, strict=True))
    header = struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header) + _chunk(b"IDAT", zlib.compress(bytes(raw), 9)) + _chunk(b"IEND", b"")
