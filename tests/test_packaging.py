"""The packaging files: metadata that validates (and a checker that can fail), one id, one
version, icons at every size, and a PyInstaller spec that is valid Python pointing at real files.

Building the app itself is heavy; `packaging/build.sh --smoke` does it, by hand or in a release
job, not here.
"""

from __future__ import annotations

import ast
import configparser
import shutil
import struct
import subprocess
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGING = ROOT / "packaging"
APP_ID = "io.github.multivector.Multivector"
DESKTOP = PACKAGING / "multivector.desktop"
METAINFO = PACKAGING / f"{APP_ID}.metainfo.xml"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def _check(*files: Path) -> subprocess.CompletedProcess[str]:
    missing = [t for t in ("desktop-file-validate", "appstreamcli") if shutil.which(t) is None]
    assert not missing, f"install {missing} (apt-get install desktop-file-utils appstream)"
    return subprocess.run([str(PACKAGING / "check-metadata.sh"), *map(str, files)],
                          capture_output=True, text=True, timeout=120, check=False)


def _desktop_entry(path: Path = DESKTOP) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  keys are case-sensitive
    parser.read(path, encoding="utf-8")
    return parser["Desktop Entry"]


def _pyproject() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))


def test_metadata_validates() -> None:
    result = _check()
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.count(": ok") == 2


@pytest.mark.parametrize("broken", ["desktop", "metainfo"])
def test_checker_fails_on_broken_files(tmp_path: Path, broken: str) -> None:
    desktop, metainfo = tmp_path / "multivector.desktop", tmp_path / METAINFO.name
    desktop_text, metainfo_text = DESKTOP.read_text("utf-8"), METAINFO.read_text("utf-8")
    if broken == "desktop":  # no Type, and a key no spec knows
        desktop_text = desktop_text.replace("Type=Application\n", "") + "Colour=blue\n"
    else:  # no summary, and a release without a version
        metainfo_text = (metainfo_text.split("<summary>")[0] + metainfo_text.split("</summary>")[1])
        metainfo_text = metainfo_text.replace('release version="', 'release data-version="')
    desktop.write_text(desktop_text, "utf-8")
    metainfo.write_text(metainfo_text, "utf-8")
    result = _check(desktop, metainfo)
    assert result.returncode != 0
    assert "FAILED" in result.stderr and str(tmp_path / (
        "multivector.desktop" if broken == "desktop" else METAINFO.name)) in result.stderr


def test_one_id_one_name_one_version() -> None:
    entry = _desktop_entry()
    component = ET.parse(METAINFO).getroot()
    assert component.findtext("id") == APP_ID
    assert component.findtext("launchable[@type='desktop-id']") == DESKTOP.name
    assert component.findtext("icon[@type='stock']") == entry["Icon"]
    assert component.findtext("name") == entry["Name"] == "Multivector"
    project = _pyproject()["project"]
    command = next(iter(project["scripts"]))
    assert component.findtext("provides/binary") == command
    assert entry["Exec"].split()[0] == entry["TryExec"] == command
    assert component.findtext("project_license") == project["license"]
    # The newest release listed is the version pyproject declares (the one place it is set).
    newest = component.find("releases/release")
    assert newest is not None and newest.get("version") == project["version"]
    spec = (PACKAGING / "multivector.spec").read_text("utf-8")
    assert f'APP_ID = "{APP_ID}"' in spec


def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()[:24]
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    return struct.unpack(">II", data[16:24])


@pytest.mark.parametrize("folder", [PACKAGING / "icons", ROOT / "resources" / "icons"])
def test_icon_in_every_size(folder: Path) -> None:
    svg = ET.parse(folder / "multivector.svg").getroot()
    assert svg.tag == "{http://www.w3.org/2000/svg}svg" and svg.get("viewBox") == "0 0 256 256"
    for size in SIZES:
        assert _png_size(folder / f"multivector-{size}.png") == (size, size)
    assert (folder / "multivector.svg").read_bytes() == (PACKAGING / "icons" /
                                                         "multivector.svg").read_bytes()


def test_windows_and_macos_icons() -> None:
    ico = (PACKAGING / "icons" / "multivector.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", ico[:6])
    assert (reserved, kind) == (0, 1) and count == 7  # every size up to 256
    icns = (PACKAGING / "icons" / "multivector.icns").read_bytes()
    assert icns[:4] == b"icns" and struct.unpack(">I", icns[4:8])[0] == len(icns)


def _spec_strings(tree: ast.AST) -> set[str]:
    return {n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)}


def test_pyinstaller_spec_is_python_and_points_at_real_files() -> None:
    source = (PACKAGING / "multivector.spec").read_text("utf-8")
    tree = ast.parse(source, filename="multivector.spec")
    strings = _spec_strings(tree)
    called = {n.func.id for n in ast.walk(tree) if isinstance(n, ast.Call)
              and isinstance(n.func, ast.Name)}
    assert {"Analysis", "PYZ", "EXE", "COLLECT"} <= called
    assert "exclude_binaries" in {k.arg for n in ast.walk(tree) if isinstance(n, ast.Call)
                                  for k in n.keywords}  # one folder, not one file
    for name in ("launcher.py", "multivector.ico", "multivector.icns"):
        assert name in strings
    assert (PACKAGING / "launcher.py").is_file()
    ast.parse((PACKAGING / "launcher.py").read_text("utf-8"))
    # Where the spec puts resources/ is where the frozen app looks for them.
    assert "multivector/resources" in strings
    resources_py = (ROOT / "desktop" / "multivector" / "resources.py").read_text("utf-8")
    assert 'Path(frozen) / "multivector" / "resources"' in resources_py
    # Help > About reads licences from metadata, so every library it lists must travel along.
    from multivector.qt.window.about import BUNDLED

    assert set(BUNDLED) | {"multivector"} <= strings


@pytest.mark.parametrize("script", ["build.sh", "check-metadata.sh"])
def test_scripts_are_executable_posix_shell(script: str) -> None:
    path = PACKAGING / script
    assert path.stat().st_mode & 0o111, f"{script} is not executable"
    assert path.read_text("utf-8").startswith("#!/bin/sh\n")
    result = subprocess.run(["sh", "-n", str(path)], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr


def test_build_script_refuses_unknown_options() -> None:
    result = subprocess.run([str(PACKAGING / "build.sh"), "--frobnicate"], capture_output=True,
                            text=True, timeout=30, check=False)
    assert result.returncode == 2 and "unknown option --frobnicate" in result.stderr
