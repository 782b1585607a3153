"""The media library: a picked file gets its SHA-256 id offline, a master and a kept original."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from pbxdesk.audio.errors import AudioError
from pbxdesk.audio.library import MediaLibrary
from pbxdesk.audio.wavfile import is_master, wav_info


def test_import_file_gives_id_master_and_original(speech_sources: dict[str, Path], tmp_path: Path) -> None:
    library = MediaLibrary(tmp_path / "media")
    src = speech_sources["m4a"]
    mid, master, duration = library.import_file(src)
    assert mid == hashlib.sha256(src.read_bytes()).hexdigest()
    assert master == tmp_path / "media" / f"{mid}.wav" and is_master(master)
    assert duration == pytest.approx(wav_info(master).duration_s)
    assert library.has(mid) and library.master_path(mid) == master
    assert library.original_path(mid).read_bytes() == src.read_bytes()
    assert library.display_name(mid) == "speech.m4a"
    assert library.ids() == [mid]
    mtime = master.stat().st_mtime_ns
    assert library.import_bytes(src.read_bytes(), "again.m4a") == (mid, master, duration)
    assert master.stat().st_mtime_ns == mtime  # the same bytes are not converted twice


def test_unknown_and_malformed_ids(tmp_path: Path) -> None:
    library = MediaLibrary(tmp_path)
    assert library.master_path("0" * 64) is None and not library.has("0" * 64)
    assert library.master_path("../../etc/passwd") is None


def test_bad_file_adds_nothing(tmp_path: Path) -> None:
    library = MediaLibrary(tmp_path / "media")
    with pytest.raises(AudioError):
        library.import_bytes(b"just some text, no audio here", "notes.txt")
    assert library.ids() == [] and not (tmp_path / "media" / "originals").exists()


def test_master_from_the_service_is_checked(speech_sources: dict[str, Path], tmp_path: Path) -> None:
    library = MediaLibrary(tmp_path / "a")
    mid, master, _ = library.import_file(speech_sources["wav"])
    other = MediaLibrary(tmp_path / "b")
    assert other.add_master(mid, master.read_bytes()) == tmp_path / "b" / f"{mid}.wav"
    assert other.has(mid)
    with pytest.raises(AudioError):
        other.add_master("1" * 64, speech_sources["mp3"].read_bytes())
    assert not other.has("1" * 64)
