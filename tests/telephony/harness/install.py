"""Finding and unpacking the relocatable Asterisk (``../shared/telephony/asterisk-*.tar.xz``).

``PBXDESK_ASTERISK`` may name a tarball or an already unpacked tree (a directory with ``sbin/asterisk``).
Otherwise the repository's own build is taken (``resources/telephony/``, built for any x86_64 CPU by
``scripts/build_asterisk.sh``), else the tarball beside the repository (``../shared/telephony/``, built with
``-march=native``: it stops with "illegal instruction" on a CPU without the build host's AVX-512).
A tarball is unpacked once into ``<repo>/.cache/asterisk/<tarball name>/`` (git-ignored) under a file
lock, so concurrent test processes share one copy; a finished unpack is marked by ``.unpacked``.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import subprocess
import tarfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[3]
CACHE = REPO / ".cache" / "asterisk"


def _tarball() -> tuple[Path | None, str]:
    env = os.environ.get("PBXDESK_ASTERISK", "").strip()
    if env:
        path = Path(env)
        if not path.exists():
            return None, f"PBXDESK_ASTERISK={env} does not exist"
        return path, ""
    found = sorted((REPO / "resources" / "telephony").glob("asterisk-*.tar.xz"))
    found = found or sorted((REPO.parent / "shared" / "telephony").glob("asterisk-*.tar.xz"))
    if not found:
        return None, (f"no Asterisk: neither PBXDESK_ASTERISK nor {REPO.parent / 'shared/telephony'}"
                      "/asterisk-*.tar.xz")
    return found[-1], ""


def _root_of(tree: Path) -> Path | None:
    """The directory holding ``sbin/asterisk`` in an unpacked tree (the tree or its only child)."""
    if (tree / "sbin" / "asterisk").is_file():
        return tree
    children = [p for p in tree.iterdir() if p.is_dir()] if tree.is_dir() else []
    if len(children) == 1 and (children[0] / "sbin" / "asterisk").is_file():
        return children[0]
    return None


def missing_tools() -> list[str]:
    """Programs the harness needs that this machine lacks."""
    needed = ["sipp", "unshare", "nsenter", "ip"]
    return [tool for tool in needed if shutil.which(tool) is None]


def find_asterisk() -> tuple[Path | None, str]:
    """``(root of the unpacked Asterisk, "")`` or ``(None, why not)``; unpacks the tarball on first use."""
    source, why = _tarball()
    if source is None:
        return None, why
    if source.is_dir():
        root = _root_of(source)
        return (root, "") if root else (None, f"{source} holds no sbin/asterisk")
    target = CACHE / source.name.removesuffix(".tar.xz")
    CACHE.mkdir(parents=True, exist_ok=True)
    with open(CACHE / ".lock", "a+b") as lock:
        fcntl.flock(lock.fileno(), fcntl.LOCK_EX)
        stamp = target / ".unpacked"
        if not stamp.is_file() or stamp.read_text() != str(source.stat().st_mtime_ns):
            shutil.rmtree(target, ignore_errors=True)
            target.mkdir(parents=True)
            with tarfile.open(source) as tar:
                tar.extractall(target, filter="tar")
            stamp.write_text(str(source.stat().st_mtime_ns))
    root = _root_of(target)
    if root is None:
        return None, f"{source} holds no sbin/asterisk"
    return root, ""


def library_problem(root: Path) -> str:
    """"" when the Asterisk binary finds all its shared libraries, else the missing ones."""
    env = dict(os.environ, LD_LIBRARY_PATH=str(root / "lib"))
    proc = subprocess.run(["ldd", str(root / "sbin" / "asterisk")], capture_output=True, text=True,
                          env=env, check=False)
    missing = [line.split()[0] for line in proc.stdout.splitlines() if "not found" in line]
    return f"missing libraries: {' '.join(missing)}" if missing else ""
