"""Render the application icon's PNG sizes from its SVG (run after editing the SVG).

    QT_QPA_PLATFORM=offscreen python packaging/render_icons.py

Writes packaging/icons/multivector-SIZE.png (for installers and the .desktop file's hicolor
theme) and resources/icons/multivector-SIZE.png (found at run time by the window), and copies
the SVG to resources/icons/; also packaging/icons/multivector.ico (Windows) and .icns (macOS),
written here from the PNGs so that no platform tool is needed.
"""

from __future__ import annotations

import os
import shutil
import struct
import sys
from pathlib import Path

SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "packaging" / "icons" / "multivector.svg"
TARGETS = (ROOT / "packaging" / "icons", ROOT / "resources" / "icons")


def render(svg: Path, size: int, out: Path) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"{svg}: not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    if not image.save(str(out), "PNG"):
        raise SystemExit(f"{out}: could not be written")


def write_ico(pngs: dict[int, bytes], out: Path) -> None:
    """An ICO holding PNG images (allowed since Windows Vista), one per size up to 256."""
    sizes = [s for s in sorted(pngs) if s <= 256]
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = 6 + 16 * len(sizes)
    entries, blobs = b"", b""
    for size in sizes:
        data = pngs[size]
        entries += struct.pack("<BBBBHHII", size % 256, size % 256, 0, 0, 1, 32, len(data),
                               offset + len(blobs))
        blobs += data
    out.write_bytes(header + entries + blobs)


def write_icns(pngs: dict[int, bytes], out: Path) -> None:
    """An ICNS with PNG entries under the type codes macOS reads for each size."""
    types = {16: b"icp4", 32: b"icp5", 64: b"icp6", 128: b"ic07", 256: b"ic08", 512: b"ic09"}
    body = b"".join(code + struct.pack(">I", 8 + len(pngs[size])) + pngs[size]
                    for size, code in types.items() if size in pngs)
    out.write_bytes(b"icns" + struct.pack(">I", 8 + len(body)) + body)


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841  fonts, DPI
    for folder in TARGETS:
        folder.mkdir(parents=True, exist_ok=True)
        if folder / SOURCE.name != SOURCE:
            shutil.copyfile(SOURCE, folder / SOURCE.name)
        for size in SIZES:
            render(SOURCE, size, folder / f"multivector-{size}.png")
    icons = TARGETS[0]
    pngs = {size: (icons / f"multivector-{size}.png").read_bytes() for size in SIZES}
    write_ico(pngs, icons / "multivector.ico")
    write_icns(pngs, icons / "multivector.icns")
    sys.stdout.write(f"rendered {len(SIZES)} sizes into {len(TARGETS)} folders\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
