"""``workbench open --self-test``: passes on a working install, and names the step that broke."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from workbench.gui import self_test


def test_a_working_install_passes_every_step(qapp: QApplication, capsys: pytest.CaptureFixture[str]) -> None:
    assert self_test.run_self_test(qapp) == 0
    out = capsys.readouterr().out
    assert out.startswith("self-test passed: ")
    assert "report read back; PDF and Word import" in out


def test_a_missing_sample_fails_and_says_where(
    qapp: QApplication, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(self_test, "sample_article", lambda: tmp_path / "gone.txt")
    assert self_test.run_self_test(qapp) == 1
    captured = capsys.readouterr()
    assert "self-test passed" not in captured.out
    assert "self-test FAILED at: import the sample and extract claims" in captured.err
    assert "gone.txt" in captured.err


def test_a_report_without_the_note_fails_the_read_back(
    qapp: QApplication, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(self_test, "_pdf_text", lambda path: "a report that lost its notes")
    assert self_test.run_self_test(qapp) == 1
    assert "self-test FAILED at: read the report back" in capsys.readouterr().err
