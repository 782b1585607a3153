"""Media upload/download and TTS preview with real files made by ffmpeg and espeak-ng in the test."""

from __future__ import annotations

import hashlib
import io
import subprocess
import wave
from pathlib import Path

import pytest
import requests
from server_helpers import ServerProcess

FORMATS = {"wav": [], "mp3": ["-b:a", "32k"], "ogg": ["-c:a", "libvorbis"], "flac": [], "m4a": ["-c:a", "aac"]}


def _ffmpeg(args: list[str], out: Path) -> bytes:
    subprocess.run(["ffmpeg", "-nostdin", "-loglevel", "error", "-y", *args, str(out)], check=True, timeout=60)
    return out.read_bytes()


@pytest.fixture(scope="module")
def audio_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    """A 2-second two-tone clip at 44.1 kHz stereo in every accepted format, plus an 11-minute one."""
    tmp = tmp_path_factory.mktemp("audio")
    source = ["-f", "lavfi", "-i", "sine=frequency=440:duration=2:sample_rate=44100",
              "-f", "lavfi", "-i", "sine=frequency=660:duration=2:sample_rate=44100",
              "-filter_complex", "[0:a][1:a]amerge=inputs=2[a]", "-map", "[a]"]
    files = {fmt: _ffmpeg(source + extra, tmp / f"tone.{fmt}") for fmt, extra in FORMATS.items()}
    files["long.mp3"] = _ffmpeg(["-f", "lavfi", "-i", "sine=frequency=300:duration=660:sample_rate=8000",
                                 "-b:a", "8k"], tmp / "long.mp3")
    return files


def _wav_params(data: bytes) -> tuple[int, int, int, float]:
    with wave.open(io.BytesIO(data)) as w:
        return w.getframerate(), w.getnchannels(), w.getsampwidth(), w.getnframes() / w.getframerate()


def test_upload_every_format_and_download_the_master(server: ServerProcess, audio_files: dict[str, bytes]) -> None:
    tenant = server.tenant()
    for fmt in FORMATS:
        data = audio_files[fmt]
        resp = tenant.post("/media", files={"file": (f"greeting.{fmt}", data)})
        assert resp.status_code == 200, (fmt, resp.text)
        info = resp.json()
        assert info["id"] == hashlib.sha256(data).hexdigest()
        assert 1.0 < info["duration_s"] <= 2.1, (fmt, info)
        master = tenant.get(f"/media/{info['id']}")
        assert master.status_code == 200 and master.headers["content-type"] == "audio/wav"
        rate, channels, width, duration = _wav_params(master.content)
        assert (rate, channels, width) == (8000, 1, 2) and abs(duration - info["duration_s"]) < 0.05
        again = tenant.post("/media", files={"file": (f"copy.{fmt}", data)})
        assert again.status_code == 200 and again.json()["id"] == info["id"]
    media_changes = [c for c in tenant.get("/changes").json()["changes"] if c["kind"] == "media"]
    assert len(media_changes) == len(FORMATS)  # the second upload of the same bytes is no new change


def test_the_media_list_names_each_file_as_it_was_uploaded(server: ServerProcess,
                                                           audio_files: dict[str, bytes]) -> None:
    alpha, beta = server.tenant(), server.tenant()
    assert alpha.get("/media").json() == {"items": []}
    first = alpha.post("/media", files={"file": ("Приветствие.wav", audio_files["wav"])}).json()
    second = alpha.post("/media", files={"file": ("обед.mp3", audio_files["mp3"])}).json()
    alpha.post("/media", files={"file": ("копия.wav", audio_files["wav"])})  # the same bytes: the first name stays
    items = alpha.get("/media").json()["items"]
    assert [(i["id"], i["name"]) for i in items] == [(first["id"], "Приветствие.wav"), (second["id"], "обед.mp3")]
    assert [i["duration_s"] for i in items] == [first["duration_s"], second["duration_s"]]
    assert all(i["uploaded_at"].endswith(("Z", "+00:00")) for i in items), items
    assert beta.get("/media").json() == {"items": []}  # another company sees none of them
    assert requests.get(alpha.url("/media"), timeout=10).status_code == 401  # no token


def test_uploaded_media_can_be_referenced_and_is_per_company(server: ServerProcess,
                                                             audio_files: dict[str, bytes]) -> None:
    alpha, beta = server.tenant(), server.tenant()
    media_id = alpha.post("/media", files={"file": ("hello.wav", audio_files["wav"])}).json()["id"]
    assert beta.get(f"/media/{media_id}").status_code == 404
    for tenant, expected in ((alpha, 200), (beta, 422)):
        number = tenant.numbers[0]
        doc = tenant.get(f"/numbers/{number}").json()
        doc["scenarios"]["working"]["prompt"] = {"audio": media_id}
        resp = tenant.put(f"/numbers/{number}", doc, headers={"If-Match": '"r1"'})
        assert resp.status_code == expected, resp.text
    assert beta.get("/media/not-an-id").status_code == 422  # cannot be a media id: refused before any lookup


@pytest.mark.parametrize("case", ["empty", "corrupt", "text", "too_long"])
def test_bad_uploads_are_422_with_the_audio_message(server: ServerProcess, audio_files: dict[str, bytes],
                                                    case: str) -> None:
    tenant = server.tenant()
    payload = {
        "empty": ("empty.wav", b""),
        "corrupt": ("broken.mp3", audio_files["mp3"][:200] + bytes(range(256)) * 40),
        "text": ("notes.wav", "Это не звук, а текст.\n".encode() * 50),
        "too_long": ("long.mp3", audio_files["long.mp3"]),
    }[case]
    resp = tenant.post("/media", files={"file": payload})
    assert resp.status_code == 422, resp.text
    assert resp.headers["content-type"].startswith("application/problem+json")
    detail = resp.json()["detail"]
    expected = {"empty": "empty", "corrupt": "", "text": "", "too_long": "too long"}[case]
    assert expected in detail.lower() and len(detail) > 10
    assert not [c for c in tenant.get("/changes").json()["changes"] if c["kind"] == "media"]


def test_upload_without_file_field_is_a_client_error(server: ServerProcess) -> None:
    tenant = server.tenant()
    resp = tenant.post("/media", files={"other": ("a.wav", b"123")})
    assert resp.status_code == 422 and resp.headers["content-type"].startswith("application/problem+json")
    resp = tenant.post("/media", data=b"raw", headers={"Content-Type": "application/octet-stream"})
    assert 400 <= resp.status_code < 500


def test_tts_preview_is_an_8khz_wav(server: ServerProcess) -> None:
    tenant = server.tenant()
    resp = tenant.post("/tts", json={"text": "Здравствуйте! Вы позвонили в компанию.", "voice": "ru"})
    assert resp.status_code == 200 and resp.headers["content-type"] == "audio/wav"
    rate, channels, width, duration = _wav_params(resp.content)
    assert (rate, channels, width) == (8000, 1, 2) and duration > 0.5
    english = tenant.post("/tts", json={"text": "Hello", "voice": "en"})
    assert english.status_code == 200 and english.content != resp.content
    assert tenant.post("/tts", json={"text": "x" * 1001}).status_code == 422


def test_media_idempotency_and_russian_messages(server: ServerProcess, audio_files: dict[str, bytes]) -> None:
    tenant = server.tenant()
    key = {"Idempotency-Key": "upload-1"}
    first = tenant.post("/media", files={"file": ("a.wav", audio_files["wav"])}, headers=key)
    retry = tenant.post("/media", files={"file": ("a.wav", audio_files["wav"])}, headers=key)
    assert first.status_code == retry.status_code == 200 and retry.json() == first.json()
    assert retry.headers.get("idempotent-replayed") == "true"
    other = tenant.post("/media", files={"file": ("b.flac", audio_files["flac"])}, headers=key)
    assert other.status_code == 422 and "Idempotency-Key" in other.json()["detail"]
    empty = tenant.post("/media", files={"file": ("e.wav", b"")}, headers={"Accept-Language": "ru-RU"})
    assert empty.status_code == 422 and "пуст" in empty.json()["detail"].lower()
