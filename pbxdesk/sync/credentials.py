"""Where the API token lives: ``$PBXDESK_TOKEN``, the system keyring, or (opt-in) a 0600 file.

The token is never written to the database, the settings or a log. The keyring entry is keyed by the
server URL (service ``pbxdesk``). With no secure keyring backend (keyring's ``fail``/``null`` backends,
e.g. a headless Linux box without SecretService) the token is kept for the session only, unless the user
explicitly opts into a file readable by the owner only (``--store-token-file``).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from pbxdesk.store.profile import resolve_profile_dir

ENV_TOKEN = "PBXDESK_TOKEN"
SERVICE = "pbxdesk"
TOKEN_FILE = "token"  # in the profile directory, mode 0600, only with --store-token-file
_INSECURE_BACKENDS = ("keyring.backends.fail", "keyring.backends.null", "keyring.backends.chainer")


@dataclass(frozen=True)
class SavedWhere:
    """Where :func:`save_token` put the token: ``keyring``, ``file`` or ``session`` (nowhere)."""

    kind: str
    detail: str


def normalize_url(url: str) -> str:
    return url.strip().rstrip("/")


def secure_backend() -> str | None:
    """The name of a usable secure keyring backend, or None when there is none."""
    try:
        import keyring
        from keyring.backends import chainer
    except ImportError:
        return None
    backend = keyring.get_keyring()
    if isinstance(backend, chainer.ChainerBackend):
        backends = [b for b in backend.backends if not type(b).__module__.startswith(_INSECURE_BACKENDS)]
        return type(backends[0]).__name__ if backends else None
    if type(backend).__module__.startswith(_INSECURE_BACKENDS) or getattr(backend, "priority", 0) <= 0:
        return None
    return f"{type(backend).__module__}.{type(backend).__name__}"


def token_file(profile_dir: Path | str | None = None) -> Path:
    base = resolve_profile_dir(None) if profile_dir is None else Path(profile_dir)
    return base / TOKEN_FILE


def _read_file(path: Path, server_url: str) -> str | None:
    """The file holds ``URL<TAB>TOKEN`` lines; only a file private to its owner is trusted."""
    try:
        if path.stat().st_mode & 0o077:
            return None
        text = path.read_text(encoding="utf-8")
    except OSError:
        return None
    for line in text.splitlines():
        url, _, token = line.partition("\t")
        if normalize_url(url) == normalize_url(server_url) and token.strip():
            return token.strip()
    return None


def _write_file(path: Path, server_url: str, token: str) -> None:
    lines: list[str] = []
    if path.exists():
        lines = [ln for ln in path.read_text(encoding="utf-8").splitlines()
                 if normalize_url(ln.partition("\t")[0]) != normalize_url(server_url)]
    lines.append(f"{normalize_url(server_url)}\t{token}")
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        os.fchmod(fd, 0o600)
        os.write(fd, ("\n".join(lines) + "\n").encode("utf-8"))
        os.fsync(fd)
    finally:
        os.close(fd)
    os.replace(tmp, path)


def load_token(server_url: str, profile_dir: Path | str | None = None) -> str | None:
    """The token to use for ``server_url``: ``$PBXDESK_TOKEN`` first, then the keyring, then the opt-in
    file of the profile (``profile_dir``, default ``--profile``/``PBXDESK_HOME`` resolution)."""
    env = os.environ.get(ENV_TOKEN, "").strip()
    if env:
        return env
    if secure_backend() is not None:
        try:
            import keyring

            stored = keyring.get_password(SERVICE, normalize_url(server_url))
        except Exception:  # a locked or broken keyring is "no token", never a crash
            stored = None
        if stored:
            return stored
    return _read_file(token_file(profile_dir), server_url)


def save_token(server_url: str, token: str, profile_dir: Path | str | None = None,
               allow_file: bool = False) -> SavedWhere:
    """Keep ``token`` for ``server_url``: in the keyring when a secure backend exists, else in the 0600
    file when ``allow_file``, else nowhere (the caller tells the user to use ``$PBXDESK_TOKEN``)."""
    backend = secure_backend()
    if backend is not None:
        import keyring

        try:
            keyring.set_password(SERVICE, normalize_url(server_url), token)
            return SavedWhere("keyring", backend)
        except Exception as exc:
            if not allow_file:
                return SavedWhere("session", f"the keyring refused the token: {type(exc).__name__}")
    if allow_file:
        path = token_file(profile_dir)
        _write_file(path, server_url, token)
        return SavedWhere("file", str(path))
    return SavedWhere("session", "no secure keyring backend is available")


def forget_token(server_url: str, profile_dir: Path | str | None = None) -> None:
    """Remove a stored token for ``server_url`` from the keyring and the file (if any)."""
    if secure_backend() is not None:
        try:
            import keyring

            keyring.delete_password(SERVICE, normalize_url(server_url))
        except Exception:
            pass
    path = token_file(profile_dir)
    if path.exists():
        lines = [ln for ln in path.read_text(encoding="utf-8").splitlines()
                 if normalize_url(ln.partition("\t")[0]) != normalize_url(server_url)]
        if lines:
            path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        else:
            path.unlink()
