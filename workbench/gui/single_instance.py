"""One window per user and workspace: a second launch hands its file to the running app and quits.

The running app listens on a local socket (a Unix socket on Linux and macOS, a named pipe on Windows)
whose name is derived from the user, the workspace and the display, so two people on one machine, or
one person with two workspaces, each get their own window. A launch first tries to hand its file over; only if
nobody answers does it become the running app itself.

The message is one line of UTF-8 JSON: ``{"open": "/absolute/path"}``, or ``{"open": null}`` to bring
the window forward without opening anything.
"""

from __future__ import annotations

import getpass
import hashlib
import json
import logging
import os

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtNetwork import QAbstractSocket, QLocalServer, QLocalSocket

from workbench import APP_ID

log = logging.getLogger(__name__)

CONNECT_TIMEOUT_MS = 500
WRITE_TIMEOUT_MS = 1000
MAX_MESSAGE_BYTES = 64 * 1024


def instance_name(db: str | None = None) -> str:
    """The socket name the app listens on for this user, workspace and display.

    ``db`` is the workspace as given on the command line (``None``: the default one, which depends on
    ``WORKBENCH_DB`` and the user's data folder). A window on another display (another X server,
    another Wayland session, offscreen) is one this user cannot see, so the display is part of the name.
    """
    from workbench.store import WorkspaceError
    from workbench.store.database import default_url, normalise_url

    try:
        user = getpass.getuser()
    except (KeyError, OSError):
        user = str(os.getuid()) if hasattr(os, "getuid") else "user"
    try:
        workspace = str(normalise_url(db)) if db else default_url()
    except WorkspaceError:  # an unusable --db value: the window will say why; any stable name will do
        workspace = db or ""
    display = "|".join(os.environ.get(key, "") for key in ("QT_QPA_PLATFORM", "WAYLAND_DISPLAY", "DISPLAY"))
    digest = hashlib.sha256(f"{user}\n{workspace}\n{display}".encode()).hexdigest()[:16]
    return f"{APP_ID}-{digest}"


def encode_request(path: str | None) -> bytes:
    """The wire form of an "open this file" (or, with ``None``, "come to the front") request."""
    return json.dumps({"open": path}, ensure_ascii=False).encode("utf-8") + b"\n"


def decode_request(data: bytes) -> str | None:
    """The path asked for in ``data``; ``None`` when the sender only wants the window brought forward.

    Raises ``ValueError`` for anything that is not a well-formed request.
    """
    try:
        message = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ValueError(f"not a request: {error}") from None
    if not isinstance(message, dict) or "open" not in message:
        raise ValueError("not a request: no 'open' field")
    path = message["open"]
    if path is not None and (not isinstance(path, str) or not path):
        raise ValueError("not a request: 'open' is not a path")
    return path


def send_to_running_instance(name: str, path: str | None) -> bool:
    """Hand ``path`` to the app listening on ``name``; False when no app is running there.

    Blocks for at most about a second; needs no event loop.
    """
    socket = QLocalSocket()
    socket.connectToServer(name)
    if not socket.waitForConnected(CONNECT_TIMEOUT_MS):
        return False
    try:
        socket.write(encode_request(path))
        if not socket.waitForBytesWritten(WRITE_TIMEOUT_MS):
            log.warning("the running app did not take the request: %s", socket.errorString())
            return False
        socket.disconnectFromServer()
        if socket.state() != QLocalSocket.LocalSocketState.UnconnectedState:
            socket.waitForDisconnected(WRITE_TIMEOUT_MS)
        return True
    finally:
        socket.abort()


def _answers(name: str) -> bool:
    """Whether an app is listening on ``name`` (connects and hangs up without sending anything)."""
    socket = QLocalSocket()
    socket.connectToServer(name)
    connected = socket.waitForConnected(CONNECT_TIMEOUT_MS)
    socket.abort()
    return connected


class InstanceServer(QObject):
    """Listens for later launches of the app and relays what they ask for.

    Signals:
        file_received(str): a later launch asked to open this file (absolute path).
        activation_requested(): a later launch asked for the window to come forward (no file).
    """

    file_received = Signal(str)
    activation_requested = Signal()

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._name = name
        self._server = QLocalServer(self)
        # Only this user may connect (the socket file is created with the user's permissions only).
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._on_new_connection)
        self._buffers: dict[QLocalSocket, bytearray] = {}

    @property
    def name(self) -> str:
        return self._name

    @property
    def address(self) -> str:
        """Where the server listens (on Unix, the socket file's path); empty before :meth:`listen`."""
        return self._server.fullServerName()

    def listen(self) -> bool:
        """Start listening; False if another app already listens on this name, or listening failed.

        When two launches race (a file manager opening several files at once), the loser finds the
        winner answering and gets False: it should hand its file over instead of starting. A socket
        file left behind by a crashed app (nobody answers on it) is taken over.
        """
        # Asked first because, with UserAccessOption, Qt binds in a private folder and renames the
        # socket over the name: listen() would silently take a live app's name away from it.
        if _answers(self._name):
            return False
        if self._server.listen(self._name):
            return True
        if self._server.serverError() == QAbstractSocket.SocketError.AddressInUseError:
            QLocalServer.removeServer(self._name)
            if self._server.listen(self._name):
                return True
        log.warning(
            "single-instance socket unavailable, later launches open their own window: %s",
            self._server.errorString(),
        )
        return False

    def close(self) -> None:
        """Stop listening and drop any half-received request."""
        for socket in list(self._buffers):
            socket.abort()
        self._buffers.clear()
        self._server.close()

    # The sockets are children of the QLocalServer; their signals go to bound slots (not lambdas), so
    # Qt cuts the connections when this object is deleted and no late signal reaches a dead object.
    @Slot()
    def _on_new_connection(self) -> None:
        while (socket := self._server.nextPendingConnection()) is not None:
            self._buffers[socket] = bytearray()
            socket.readyRead.connect(self._on_ready_read)
            socket.disconnected.connect(self._on_disconnected)
            if socket.bytesAvailable():
                self._read(socket)

    @Slot()
    def _on_ready_read(self) -> None:
        socket = self.sender()
        if isinstance(socket, QLocalSocket):
            self._read(socket)

    @Slot()
    def _on_disconnected(self) -> None:
        socket = self.sender()
        if not isinstance(socket, QLocalSocket):
            return
        buffer = self._buffers.pop(socket, None)
        if buffer:  # a request without its final newline
            self._handle(bytes(buffer))
        socket.deleteLater()

    def _read(self, socket: QLocalSocket) -> None:
        buffer = self._buffers.get(socket)
        if buffer is None:
            return
        buffer += bytes(socket.readAll().data())
        if b"\n" in buffer:
            line = bytes(buffer.split(b"\n", 1)[0])
            self._buffers.pop(socket, None)
            socket.disconnectFromServer()
            self._handle(line)
        elif len(buffer) > MAX_MESSAGE_BYTES:
            log.warning("ignored an oversized request from another launch")
            self._buffers.pop(socket, None)
            socket.abort()

    def _handle(self, line: bytes) -> None:
        try:
            path = decode_request(line)
        except ValueError as error:
            log.warning("ignored a request from another launch: %s", error)
            return
        if path is None:
            log.info("another launch asked for the window")
            self.activation_requested.emit()
        else:
            log.info("another launch asked to open %s", path)
            self.file_received.emit(path)
