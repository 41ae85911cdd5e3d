"""A throwaway PostgreSQL server for the store tests and benchmarks: initdb in a temp dir, unix socket only.

initdb and postgres refuse to run as root, so as root they run as the ``postgres`` system user.
"""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path


class NoPostgres(RuntimeError):
    """No PostgreSQL server could be started here; the message says why."""


@dataclass
class ThrowawayPostgres:
    root: Path
    port: int
    _bin: Path
    _as_user: list[str]

    @property
    def socket_dir(self) -> Path:
        return self.root / "socket"

    def url(self, database: str = "postgres") -> str:
        return f"postgresql+psycopg://postgres@/{database}?host={self.socket_dir}&port={self.port}"

    def stop(self) -> None:
        subprocess.run(
            [
                *self._as_user,
                str(self._bin / "pg_ctl"),
                "stop",
                "-D",
                str(self.root / "data"),
                "-m",
                "immediate",
            ],
            capture_output=True,
            check=False,
            timeout=60,
        )
        shutil.rmtree(self.root, ignore_errors=True)


def find_bin() -> Path:
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=_version_key, reverse=True)
    on_path = shutil.which("initdb")
    if on_path:
        candidates.append(on_path)
    if not candidates:
        raise NoPostgres("PostgreSQL is not installed (no initdb); run `bash scripts/system-deps.sh test`")
    return Path(candidates[0]).parent


def _version_key(path: str) -> int:
    try:
        return int(Path(path).parent.parent.name)
    except ValueError:
        return 0


def start(port: int | None = None) -> ThrowawayPostgres:
    """Start a fresh server; raises NoPostgres with the reason when that is impossible."""
    bin_dir = find_bin()
    as_user: list[str] = []
    # As root the server runs as `postgres`, which must reach the folder: keep it directly in /tmp.
    root = Path(tempfile.mkdtemp(prefix="workbench-pg-", dir="/tmp" if os.geteuid() == 0 else None))
    if os.geteuid() == 0:
        runuser = shutil.which("runuser")
        if runuser is None:
            raise NoPostgres("running as root and `runuser` is missing, so postgres cannot be started")
        try:
            import pwd

            pw = pwd.getpwnam("postgres")
        except KeyError:
            raise NoPostgres("running as root and there is no `postgres` system user") from None
        os.chown(root, pw.pw_uid, pw.pw_gid)
        as_user = [runuser, "-u", "postgres", "--"]
    root.chmod(0o755)
    data = root / "data"
    socket_dir = root / "socket"
    port = port or _free_port()

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([*as_user, *args], capture_output=True, text=True, timeout=120, check=False)

    made = run("mkdir", "-p", str(socket_dir))
    init = run(
        str(bin_dir / "initdb"),
        "-D",
        str(data),
        "-A",
        "trust",
        "-U",
        "postgres",
        "-E",
        "UTF8",
        "--no-sync",
        "--locale=C",
    )
    if made.returncode != 0 or init.returncode != 0:
        shutil.rmtree(root, ignore_errors=True)
        raise NoPostgres(f"initdb failed: {(init.stderr or made.stderr).strip()[-500:]}")
    options = (
        f"-c listen_addresses='' -c unix_socket_directories={socket_dir} -p {port} "
        "-c fsync=on -c max_connections=50 -c shared_buffers=32MB"
    )
    started = run(
        str(bin_dir / "pg_ctl"),
        "start",
        "-D",
        str(data),
        "-w",
        "-t",
        "60",
        "-l",
        str(root / "server.log"),
        "-o",
        options,
    )
    server = ThrowawayPostgres(root, port, bin_dir, as_user)
    if started.returncode != 0:
        log = (
            (root / "server.log").read_text(errors="replace")[-800:] if (root / "server.log").exists() else ""
        )
        server.stop()
        raise NoPostgres(f"postgres did not start: {started.stderr.strip()[-300:]} {log}")
    deadline = time.monotonic() + 30
    while not list(socket_dir.glob(".s.PGSQL.*")):
        if time.monotonic() > deadline:
            server.stop()
            raise NoPostgres("postgres started but its socket never appeared")
        time.sleep(0.1)
    return server


def _free_port() -> int:
    # Only names the socket file (no TCP listener), but keep it distinct from a system server's 5432.
    return 20000 + os.getpid() % 20000


def main() -> None:
    """Start a server, print its address, stop it on Ctrl-C (scripts/postgres-for-tests.sh)."""
    import signal

    server = start()
    print(f"WORKBENCH_TEST_PG_URL={server.url()}", flush=True)
    print(
        f"try the team workspace: workbench --db '{server.url()}' …   (Ctrl-C stops the server)", flush=True
    )
    try:
        signal.sigwait({signal.SIGINT, signal.SIGTERM})
    finally:
        server.stop()


if __name__ == "__main__":
    import signal

    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})
    main()
