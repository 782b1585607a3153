"""A private network namespace with only loopback up, for one test's Asterisk and SIP endpoints.

``unshare --net`` starts a ``sleep`` that holds the namespace; programs run in it with
``nsenter --target PID --net``. The file system, users and processes are shared with the host, only the
network is private, so fixed ports inside never collide with other runs and no packet leaves loopback.
Inside, the ports the kernel hands out on its own (``ip_local_port_range``) start at 50000, so a socket
one program opens without a port can never take a fixed SIP or media port (up to about 42000) that a test
phone is about to bind ("Address already in use").
"""

from __future__ import annotations

import signal
import subprocess
from collections.abc import Sequence
from pathlib import Path
from typing import IO, Any

EPHEMERAL = (50000, 60999)
"""The ports the kernel picks inside the namespace for sockets bound to no port."""


class Namespace:
    def __init__(self) -> None:
        self.holder = subprocess.Popen(
            ["unshare", "--net", "--", "sh", "-c", "ip link set lo up"
             f" && echo '{EPHEMERAL[0]} {EPHEMERAL[1]}' > /proc/sys/net/ipv4/ip_local_port_range"
             " && echo up && exec sleep 100000"],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)
        assert self.holder.stdout is not None
        line = self.holder.stdout.readline().strip()
        if line != "up":
            err = self.holder.stderr.read() if self.holder.stderr else ""
            self.close()
            raise RuntimeError(f"cannot create a network namespace: {err.strip() or line}")
        self.processes: list[subprocess.Popen[Any]] = []

    @property
    def pid(self) -> int:
        return self.holder.pid

    def command(self, argv: Sequence[str]) -> list[str]:
        return ["nsenter", "--target", str(self.pid), "--net", "--", *argv]

    def popen(self, argv: Sequence[str], *, env: dict[str, str] | None = None, cwd: Path | None = None,
              stdout: IO[Any] | int | None = subprocess.DEVNULL,
              stderr: IO[Any] | int | None = subprocess.DEVNULL) -> subprocess.Popen[Any]:
        """Start a program in the namespace; it is killed by :meth:`close` if still running."""
        proc = subprocess.Popen(self.command(argv), env=env, cwd=cwd, stdout=stdout, stderr=stderr,
                                stdin=subprocess.DEVNULL, start_new_session=True)
        self.processes.append(proc)
        return proc

    def run(self, argv: Sequence[str], *, env: dict[str, str] | None = None, timeout: float = 60,
            check: bool = True) -> subprocess.CompletedProcess[str]:
        proc = subprocess.run(self.command(argv), env=env, capture_output=True, text=True, timeout=timeout,
                              check=False, stdin=subprocess.DEVNULL)
        if check and proc.returncode != 0:
            raise RuntimeError(f"{' '.join(argv)} failed ({proc.returncode}): {proc.stderr or proc.stdout}")
        return proc

    def close(self) -> None:
        """Kill every program started here (their process groups), then the namespace holder."""
        for proc in [*self.processes, self.holder]:
            if proc.poll() is None:
                try:
                    import os

                    os.killpg(proc.pid, signal.SIGKILL)
                except (ProcessLookupError, PermissionError):
                    proc.kill()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                pass
        self.processes.clear()

    def __enter__(self) -> Namespace:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
