"""Desktop integration: the menu entry, "Open with" for articles, and the icon in every size."""

from __future__ import annotations

import configparser
import os
import shutil
import stat
import subprocess
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from workbench.gui.app import ICON_SIZES, app_icon
from workbench.importers import SUPPORTED_EXTENSIONS

REPO = Path(__file__).resolve().parents[2]
DESKTOP_FILE = REPO / "packaging" / "fact-check-workbench.desktop"
INSTALLER = REPO / "packaging" / "install-desktop-entry.sh"
ICONS = REPO / "resources" / "icons"

# The file name extension behind each MIME type a desktop may offer us for "Open with".
MIME_EXTENSIONS = {
    "text/html": ".html",
    "application/xhtml+xml": ".xhtml",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx",
    "application/vnd.ms-word.document.macroEnabled.12": ".docm",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template": ".dotx",
    "application/pdf": ".pdf",
    "application/vnd.oasis.opendocument.text": ".odt",
    "application/vnd.oasis.opendocument.text-template": ".ott",
    "application/epub+zip": ".epub",
    "application/rtf": ".rtf",
    "text/rtf": ".rtf",
    "text/markdown": ".md",
    "text/plain": ".txt",
}


def desktop_entry(path: Path) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, delimiters=("=",))
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(path, encoding="utf-8")
    return parser["Desktop Entry"]


def exec_arguments(value: str) -> list[str]:
    """Split an Exec value as a desktop environment does (Desktop Entry Specification 1.4)."""
    # First the string-value escapes, then the Exec quoting rules.
    unescaped = value.replace("\\\\", "\0").replace("\\s", " ").replace("\0", "\\")
    arguments: list[str] = []
    current, quoted, started, chars = "", False, False, iter(unescaped)
    for char in chars:
        if quoted:
            if char == "\\":
                current += next(chars)
            elif char == '"':
                quoted = False
            else:
                current += char
        elif char == '"':
            quoted = started = True
        elif char == " ":
            if started:
                arguments.append(current)
            current, started = "", False
        else:
            current += char
            started = True
    if started:
        arguments.append(current)
    return [a.replace("%%", "%") for a in arguments]


def test_the_menu_entry_opens_a_file_with_the_open_command() -> None:
    entry = desktop_entry(DESKTOP_FILE)
    assert entry["Type"] == "Application"
    assert entry["Name"] == "Fact-Check Workbench"
    assert exec_arguments(entry["Exec"]) == ["fact-check-workbench", "open", "%f"]
    assert entry["Icon"] == "fact-check-workbench"
    assert entry["Terminal"] == "false"


def test_open_with_is_offered_for_html_word_and_pdf_and_only_for_files_the_app_reads() -> None:
    types = [t for t in desktop_entry(DESKTOP_FILE)["MimeType"].split(";") if t]
    assert {
        "text/html",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "application/pdf",
    } <= set(types)
    for mime in types:
        assert mime in MIME_EXTENSIONS, f"{mime}: which extension is that?"
        assert MIME_EXTENSIONS[mime] in SUPPORTED_EXTENSIONS, f"{mime}: the importers cannot read it"


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None, reason="desktop-file-utils not installed")
def test_the_desktop_file_passes_the_freedesktop_validator() -> None:
    result = subprocess.run(["desktop-file-validate", str(DESKTOP_FILE)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_icon_size_is_rendered_from_the_svg_source() -> None:
    assert (ICONS / "workbench.svg").is_file(), "the SVG source stays beside the PNGs"
    for size in ICON_SIZES:
        image = QImage(str(ICONS / f"workbench-{size}.png"))
        assert (image.width(), image.height()) == (size, size)
        assert image.hasAlphaChannel()
        corner, middle = image.pixelColor(0, 0), image.pixelColor(size // 2, size // 2)
        assert corner.alpha() == 0 and middle.alpha() == 255, "a drawn icon on a transparent ground"


def test_the_window_icon_offers_each_size(qtbot: object) -> None:
    sizes = {s.width() for s in app_icon().availableSizes()}
    assert set(ICON_SIZES) <= sizes


def fake_bundle(folder: Path) -> Path:
    """The bundle's layout with a stand-in executable that records how it was started."""
    (folder / "_internal" / "resources").mkdir(parents=True)
    shutil.copytree(ICONS, folder / "_internal" / "resources" / "icons")
    shutil.copy(DESKTOP_FILE, folder / DESKTOP_FILE.name)
    shutil.copy(INSTALLER, folder / INSTALLER.name)
    executable = folder / "fact-check-workbench"
    executable.write_text('#!/bin/sh\nprintf "%s\\n" "$@" > "$RECORD"\n', encoding="utf-8")
    executable.chmod(executable.stat().st_mode | stat.S_IXUSR)
    return executable


@pytest.mark.skipif(shutil.which("sh") is None, reason="needs a POSIX shell")
def test_the_installer_adds_a_menu_entry_that_starts_this_folder_even_with_an_awkward_path(
    tmp_path: Path,
) -> None:
    folder = tmp_path / 'Fact Check $HOME `id` "100%" \\ & co'
    executable = fake_bundle(folder)
    data = tmp_path / "share"
    env = {**os.environ, "XDG_DATA_HOME": str(data)}
    subprocess.run(["sh", str(folder / INSTALLER.name)], env=env, check=True, capture_output=True)

    installed = data / "applications" / "fact-check-workbench.desktop"
    entry = desktop_entry(installed)
    arguments = exec_arguments(entry["Exec"])
    assert arguments == [str(executable), "open", "%f"]
    if shutil.which("desktop-file-validate"):
        check = subprocess.run(["desktop-file-validate", str(installed)], capture_output=True, text=True)
        assert check.returncode == 0, check.stdout

    # What a file manager runs for "Open with" on an article:
    record = tmp_path / "record.txt"
    article = tmp_path / "Zoë's article.docx"
    command = [article.as_posix() if a == "%f" else a for a in arguments]
    subprocess.run(command, env={**env, "RECORD": str(record)}, check=True)
    assert record.read_text(encoding="utf-8").splitlines() == ["open", str(article)]

    for size in ICON_SIZES:
        assert (data / "icons" / "hicolor" / f"{size}x{size}" / "apps" / "fact-check-workbench.png").is_file()
    assert (data / "icons" / "hicolor" / "scalable" / "apps" / "fact-check-workbench.svg").is_file()

    subprocess.run(
        ["sh", str(folder / INSTALLER.name), "--uninstall"], env=env, check=True, capture_output=True
    )
    assert not installed.exists()
    assert not list((data / "icons").rglob("fact-check-workbench.*"))


def test_the_installer_refuses_to_run_outside_the_bundle(tmp_path: Path) -> None:
    shutil.copy(INSTALLER, tmp_path / INSTALLER.name)
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path / "share")}
    result = subprocess.run(["sh", str(tmp_path / INSTALLER.name)], env=env, capture_output=True, text=True)
    assert result.returncode == 1
    assert "run me from the unpacked fact-check-workbench folder" in result.stderr
    assert not (tmp_path / "share" / "applications").exists()
