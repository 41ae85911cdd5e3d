"""One window per workspace: a second launch hands its file to the running app instead of starting."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtNetwork import QLocalServer
from pytestqt.qtbot import QtBot

from workbench.gui.single_instance import (
    InstanceServer,
    decode_request,
    encode_request,
    instance_name,
    send_to_running_instance,
)

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def server(qtbot: QtBot) -> Iterator[InstanceServer]:
    instance = InstanceServer(f"workbench-test-{uuid.uuid4().hex[:12]}")
    assert instance.listen()
    yield instance
    instance.close()


def test_a_request_names_the_file_and_survives_any_path() -> None:
    path = "/home/zoë/Articles/“quoted” & odd\nname.docx"
    assert decode_request(encode_request(path)) == path
    assert decode_request(encode_request(None)) is None
    assert encode_request(path).count(b"\n") == 1, "one request is one line on the wire"


@pytest.mark.parametrize(
    "garbage",
    [b"", b"\xff\xfe", b"open /etc/passwd", b"[]", b'{"path": "/x"}', b'{"open": 3}', b'{"open": ""}'],
)
def test_malformed_requests_are_rejected_with_a_reason(garbage: bytes) -> None:
    with pytest.raises(ValueError, match="not a request"):
        decode_request(garbage)


def test_the_name_differs_per_workspace_and_display_and_is_stable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert instance_name("a.sqlite") == instance_name(f"sqlite:///{tmp_path / 'a.sqlite'}"), "same file"
    assert instance_name("a.sqlite") != instance_name("b.sqlite")
    assert instance_name(None).startswith("fact-check-workbench-")

    default = instance_name(None)
    monkeypatch.setenv("HOME", str(tmp_path / "someone else"))  # another data folder: another workspace
    monkeypatch.delenv("XDG_DATA_HOME")
    assert instance_name(None) != default
    other_home = instance_name(None)
    monkeypatch.setenv("DISPLAY", ":42")
    assert instance_name(None) != other_home, "a window on another display cannot be seen from this one"


def test_nobody_listening_means_this_launch_starts_the_app() -> None:
    assert send_to_running_instance(f"workbench-test-{uuid.uuid4().hex[:12]}", "/tmp/a.pdf") is False


def test_a_second_launch_hands_its_file_to_the_running_app(qtbot: QtBot, server: InstanceServer) -> None:
    with qtbot.waitSignal(server.file_received, timeout=5000) as received:
        assert send_to_running_instance(server.name, "/articles/report.pdf")
    assert received.args == ["/articles/report.pdf"]


def test_a_launch_without_a_file_brings_the_window_forward(qtbot: QtBot, server: InstanceServer) -> None:
    with (
        qtbot.assertNotEmitted(server.file_received),
        qtbot.waitSignal(server.activation_requested, timeout=5000),
    ):
        assert send_to_running_instance(server.name, None)


def test_garbage_on_the_socket_is_ignored_and_the_server_keeps_serving(
    qtbot: QtBot, server: InstanceServer
) -> None:
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as raw:
        raw.connect(server.address)
        raw.sendall(b"hello?\n")
    with qtbot.assertNotEmitted(server.file_received, wait=300):
        pass
    with qtbot.waitSignal(server.file_received, timeout=5000) as received:
        assert send_to_running_instance(server.name, "/articles/b.docx")
    assert received.args == ["/articles/b.docx"]


def test_of_two_launches_racing_to_start_the_second_defers_to_the_first(
    qtbot: QtBot, server: InstanceServer
) -> None:
    latecomer = InstanceServer(server.name)
    try:
        assert latecomer.listen() is False, "the running app's socket must not be taken over"
        with qtbot.assertNotEmitted(server.file_received, wait=300):
            pass  # the latecomer's probe is not a request
        with qtbot.waitSignal(server.file_received, timeout=5000) as received:
            assert send_to_running_instance(server.name, "/articles/c.html")
        assert received.args == ["/articles/c.html"]
    finally:
        latecomer.close()


def test_a_socket_left_by_a_crashed_app_is_taken_over(qtbot: QtBot, tmp_path: Path) -> None:
    name = f"workbench-test-{uuid.uuid4().hex[:12]}"
    probe = QLocalServer()
    assert probe.listen(name)
    socket_file = probe.fullServerName()
    probe.close()
    # A crash leaves the socket file behind with nobody listening on it.
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as stale:
        stale.bind(socket_file)
    assert os.path.exists(socket_file)

    assert send_to_running_instance(name, "/articles/a.pdf") is False
    server = InstanceServer(name)
    try:
        assert server.listen(), "the stale socket file must not keep the app from listening"
        with qtbot.waitSignal(server.file_received, timeout=5000):
            assert send_to_running_instance(name, "/articles/a.pdf")
    finally:
        server.close()


@pytest.mark.slow
def test_opening_a_file_while_the_app_runs_opens_it_in_the_running_window(tmp_path: Path) -> None:
    """The real program twice: the second launch exits, its file lands in the first one's workspace."""
    import docx

    article = tmp_path / "second article.docx"
    document = docx.Document()
    document.add_heading("Council approves the harbour bridge", level=1)
    document.add_paragraph("The council approved a 40 million pound bridge on Tuesday, its leader said.")
    document.save(str(article))

    db = f"sqlite:///{tmp_path / 'workspace.sqlite'}"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    log = Path(os.environ["HOME"]) / ".local" / "state" / "fact-check-workbench" / "log" / "workbench.log"
    first = subprocess.Popen(
        [sys.executable, "-m", "workbench", "open", "--db", db],
        cwd=REPO,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 120
        while not (log.is_file() and "window shown" in log.read_text("utf-8")):
            assert first.poll() is None, "the first launch quit"
            assert time.monotonic() < deadline, "the first launch never showed its window"
            time.sleep(0.2)

        second = subprocess.run(
            [sys.executable, "-m", "workbench", "open", "--db", db, str(article)],
            cwd=REPO,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert second.returncode == 0, second.stderr
        assert "handed" in second.stderr and "running app" in second.stderr
        assert first.poll() is None, "the running app must keep running"

        # The running window imports the file into its workspace: the headless CLI sees it there.
        deadline = time.monotonic() + 120
        while True:
            listed = subprocess.run(
                [sys.executable, "-m", "workbench", "list", "--db", db],
                cwd=REPO,
                env=env,
                capture_output=True,
                text=True,
                timeout=120,
            )
            if "Council approves the harbour bridge" in listed.stdout:
                break
            assert time.monotonic() < deadline, f"the running app never opened the file: {listed.stdout}"
            time.sleep(0.5)
        assert f"another launch asked to open {article}" in log.read_text("utf-8")
    finally:
        first.terminate()
        first.wait(timeout=30)
