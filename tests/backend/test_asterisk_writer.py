"""The Asterisk deployer: files under the root, atomic replacement, crashes, the reload command.

Real espeak-ng TTS (pbxdesk.audio.tts.EspeakEngine), real files, real child processes killed with
SIGKILL. The crash tests check that what Asterisk would load is always complete and consistent: the
include file's pattern matches only complete number files, each the compiled text of one of the
documents deployed with its [pbxdesk-incoming] extension, and every prompt they play exists as a whole
WAV file.
"""

from __future__ import annotations

import glob
import os
import random
import re
import shutil
import stat
import subprocess
import sys
import time
import wave
from pathlib import Path

import pytest

from pbxdesk.audio.tts import EspeakEngine
from pbxdesk.backend.asterisk import compile_routing
from pbxdesk.backend.asterisk.writer import INCLUDE_FILE, AsteriskDeployer
from pbxdesk.domain.document import dumps
from pbxdesk.domain.models import RoutingDocument
from tests.backend.dialplan_checks import check_structure
from tests.backend.dialplan_parser import parse

CHILD = Path(__file__).parent / "deploy_child.py"
MEDIA_ID = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"


@pytest.fixture(scope="module")
def tts_cache(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("tts-cache")


@pytest.fixture(scope="module")
def media_wav(tmp_path_factory, tts_cache) -> Path:
    """A stored 8 kHz master standing for the uploaded greeting of the SPEC example."""
    path = tmp_path_factory.mktemp("media") / f"{MEDIA_ID}.wav"
    shutil.copyfile(EspeakEngine(tts_cache).synthesize("stored greeting", "en"), path)
    return path


def variant(doc: RoutingDocument, i: int) -> RoutingDocument:
    """The SPEC example with another menu prompt (a new sound) and another menu timeout."""
    out = doc.model_copy(deep=True)
    out.scenarios["working"].prompt.tts = f"Вариант {i}: нажмите 1"
    out.scenarios["working"].timeout_s = 1 + i
    return out


def deployer(root: Path, cache: Path, media: Path, **kwargs) -> AsteriskDeployer:
    return AsteriskDeployer(root, EspeakEngine(cache), lambda mid: media if mid == MEDIA_ID else None, **kwargs)


def dialplan_of(file_text: str, number: str) -> str:
    """The compiled dialplan inside a deployed number file (checks the header and the incoming extension)."""
    header, _, rest = file_text.partition("\n")
    assert re.fullmatch(rf"; pbxdesk deployed: number {number} revision \d+ directory \d+", header), header
    body, sep, incoming = rest.rpartition("\n[pbxdesk-incoming]\n")
    assert sep and incoming == f"exten => {number},1,Goto(pbxdesk-{number},s,1)\n", incoming
    return body


def assert_consistent(root: Path, allowed: dict[str, set[str]]) -> list[str]:
    """What Asterisk would load from ``root`` is complete; returns the included numbers."""
    include = (root / INCLUDE_FILE).read_text(encoding="utf-8")
    [pattern] = re.findall(r'^#include "(.+)"$', include, flags=re.M)
    assert pattern == f"{root}/extensions_pbxdesk/*.conf"
    paths = sorted(glob.glob(pattern))  # as Asterisk expands it
    assert f"{root}/extensions_pbxdesk/pbxdesk.conf" in paths  # the pattern always matches a file
    numbers = [Path(p).stem for p in paths if Path(p).stem != "pbxdesk"]
    texts = [Path(p).read_text(encoding="utf-8") for p in paths]
    for path, text in zip(paths, texts, strict=True):
        number = Path(path).stem
        if number == "pbxdesk":
            continue
        body = dialplan_of(text, number)
        assert body in allowed[number], f"{number}: the dialplan file is not one complete deployed version"
        for name in re.findall(r"(?:Playback|Background)\(pbxdesk/([0-9a-f]{64})\)", text):
            with wave.open(str(root / "sounds" / "pbxdesk" / f"{name}.wav"), "rb") as wav:
                assert (wav.getframerate(), wav.getnchannels(), wav.getsampwidth()) == (8000, 1, 2)
                assert wav.getnframes() > 0
    plan = parse("\n".join([include, *texts]), merged=frozenset({"pbxdesk-incoming"}))
    incoming = plan.contexts.pop("pbxdesk-incoming")
    assert sorted(incoming.extensions) == sorted(numbers)
    for number, ext in incoming.extensions.items():
        assert [(p.app, p.args) for p in ext.priorities] == [("Goto", f"pbxdesk-{number},s,1")]
    check_structure(plan, *(f"pbxdesk-{n}" for n in numbers))
    return numbers


def test_deploy_writes_dialplan_sounds_and_include(tmp_path, tts_cache, media_wav, spec_example, directory):
    root = tmp_path / "asterisk"
    dep = deployer(root, tts_cache, media_wav)
    result = dep.deploy("4952302222", spec_example, directory)
    assert result.ok, result.message
    compiled = compile_routing(spec_example, directory)
    conf = root / "extensions_pbxdesk" / "4952302222.conf"
    assert dialplan_of(conf.read_text(encoding="utf-8"), "4952302222") == compiled.text
    assert (root / "sounds" / "pbxdesk" / f"{MEDIA_ID}.wav").read_bytes() == media_wav.read_bytes()
    umask = os.umask(0o022)
    os.umask(umask)
    for path in (conf, root / INCLUDE_FILE, root / "sounds" / "pbxdesk" / f"{MEDIA_ID}.wav"):
        # readable by an Asterisk running as another user, as far as the umask allows
        assert stat.S_IMODE(path.stat().st_mode) == 0o666 & ~umask
    tts_sounds = [s for s in compiled.sounds if s.tts]
    assert len(tts_sounds) == 2
    for sound in tts_sounds:  # the rendered TTS masters, byte for byte
        expected = EspeakEngine(tts_cache).synthesize(sound.tts, sound.voice).read_bytes()
        assert (root / "sounds" / "pbxdesk" / f"{sound.name}.wav").read_bytes() == expected
    other = variant(spec_example, 3).model_copy(update={"number": "4950000099"})
    assert dep.deploy("4950000099", other, directory).ok
    numbers = assert_consistent(root, {"4952302222": {compiled.text},
                                       "4950000099": {compile_routing(other, directory).text}})
    assert numbers == ["4950000099", "4952302222"]
    include = (root / INCLUDE_FILE).read_text(encoding="utf-8")
    assert "4952302222" not in include  # deploying a number never rewrites a file listing every number


def test_refusals_write_nothing(tmp_path, tts_cache, media_wav, spec_example, directory):
    root = tmp_path / "asterisk"
    dep = AsteriskDeployer(root, EspeakEngine(tts_cache), lambda _mid: None)
    missing_media = dep.deploy("4952302222", spec_example, directory)
    assert not missing_media.ok and MEDIA_ID in missing_media.message
    wrong_number = deployer(root, tts_cache, media_wav).deploy("4950000000", spec_example, directory)
    assert not wrong_number.ok and "4952302222" in wrong_number.message
    no_directory = deployer(root, tts_cache, media_wav).deploy("4952302222", spec_example, None)
    assert not no_directory.ok and "directory" in no_directory.message
    assert not (root / "extensions_pbxdesk").exists() and not (root / INCLUDE_FILE).exists()


def test_bad_settings_file_fails_every_deploy(tmp_path, tts_cache, media_wav, spec_example, directory):
    settings = tmp_path / "asterisk.ini"
    settings.write_text("[asterisk]\ntrunk = PJSIP/{number}@trunk,evil\n", encoding="utf-8")
    dep = deployer(tmp_path / "asterisk", tts_cache, media_wav, settings_path=settings)
    result = dep.deploy("4952302222", spec_example, directory)
    assert not result.ok and "trunk" in result.message


def test_failing_reload_is_reported_and_files_stay_consistent(tmp_path, tts_cache, media_wav, spec_example,
                                                              directory):
    root = tmp_path / "asterisk"
    text = compile_routing(spec_example, directory).text
    result = deployer(root, tts_cache, media_wav, reload_command=["false"]).deploy(
        "4952302222", spec_example, directory)
    assert not result.ok and "reload" in result.message and "exit 1" in result.message
    assert assert_consistent(root, {"4952302222": {text}}) == ["4952302222"]
    noisy = ["sh", "-c", "echo 'Unable to connect to remote asterisk' >&2; exit 3"]
    result = deployer(root, tts_cache, media_wav, reload_command=noisy).deploy(
        "4952302222", spec_example, directory)
    assert not result.ok and "exit 3" in result.message and "Unable to connect" in result.message
    result = deployer(root, tts_cache, media_wav, reload_command=[str(tmp_path / "no-such-asterisk")]).deploy(
        "4952302222", spec_example, directory)
    assert not result.ok and "reload" in result.message
    # what a real `asterisk -rx "dialplan reload"` prints, exit 0, when its dialplan module did not load
    refused = ["sh", "-c", "echo \"No such command 'dialplan reload' (type 'core show help dialplan reload')\""]
    result = deployer(root, tts_cache, media_wav, reload_command=refused).deploy("4952302222", spec_example, directory)
    assert not result.ok and "refused the reload: No such command" in result.message
    assert_consistent(root, {"4952302222": {text}})


def test_reload_runs_after_the_files_are_in_place(tmp_path, tts_cache, media_wav, spec_example, directory):
    root = tmp_path / "asterisk"
    check = ["sh", "-c", f"grep -q 'extensions_pbxdesk/[*].conf' '{root}/{INCLUDE_FILE}' && "
                         f"test -s '{root}/extensions_pbxdesk/4952302222.conf'"]
    result = deployer(root, tts_cache, media_wav, reload_command=check).deploy(
        "4952302222", spec_example, directory)
    assert result.ok, result.message


def test_failure_at_every_step_keeps_previous_complete_files(tmp_path, tts_cache, media_wav, spec_example,
                                                             directory):
    """The documented ``on_step`` hook aborts the deployment before each write in turn."""
    old, new = spec_example, variant(spec_example, 1)
    allowed = {"4952302222": {compile_routing(d, directory).text for d in (old, new)}}
    names: list[str] = []
    probe = tmp_path / "probe"
    deployer(probe, tts_cache, media_wav).deploy("4952302222", old, directory)
    deployer(probe, tts_cache, media_wav, reload_command=["true"], on_step=names.append).deploy(
        "4952302222", new, directory)
    assert names[0].startswith("sound:") and names[-2:] == ["number:4952302222", "reload"]
    for k, step in enumerate(names):
        root = tmp_path / f"root{k}"
        deployer(root, tts_cache, media_wav).deploy("4952302222", old, directory)

        def fail(name: str, step: str = step) -> None:
            if name == step:
                raise OSError(f"injected failure before {step}")

        result = deployer(root, tts_cache, media_wav, reload_command=["true"], on_step=fail).deploy(
            "4952302222", new, directory)
        assert not result.ok and "injected" in result.message
        assert_consistent(root, allowed)
        conf = (root / "extensions_pbxdesk" / "4952302222.conf").read_text(encoding="utf-8")
        assert (dialplan_of(conf, "4952302222") == compile_routing(new, directory).text) == \
            (k > names.index("number:4952302222"))


def _child(root: Path, cache: Path, media: Path, directory_path: Path, mode: str, k: int,
           docs: list[Path]) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, str(CHILD), str(root), str(cache), str(media), str(directory_path),
                             mode, str(k), *map(str, docs)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, cwd=Path(__file__).parents[2])


def _write_docs(tmp_path: Path, docs: list[RoutingDocument]) -> list[Path]:
    paths = []
    for i, doc in enumerate(docs):
        path = tmp_path / f"doc{i}.json"
        path.write_text(dumps(doc), encoding="utf-8")
        paths.append(path)
    return paths


def test_sigkill_between_writes_leaves_previous_complete_files(tmp_path, tts_cache, media_wav, spec_example,
                                                               directory, directory_path):
    """A real crash: the child process SIGKILLs itself just before a sound write and just before the
    number's file is replaced; the previous version stays, and the next deployment cleans up."""
    old, new = spec_example, variant(spec_example, 2)
    EspeakEngine(tts_cache).synthesize(new.scenarios["working"].prompt.tts, "ru")  # warm: no render in child
    allowed = {"4952302222": {compile_routing(d, directory).text for d in (old, new)}}
    [doc_path] = _write_docs(tmp_path, [new])
    for k in (0, 1):  # 0: before the new sound, 1: before the number's file
        root = tmp_path / f"root{k}"
        deployer(root, tts_cache, media_wav).deploy("4952302222", old, directory)
        proc = _child(root, tts_cache, media_wav, directory_path, "kill", k, [doc_path])
        out, err = proc.communicate(timeout=60)
        assert proc.returncode == -9, err
        assert_consistent(root, allowed)
        assert dialplan_of((root / "extensions_pbxdesk" / "4952302222.conf").read_text(encoding="utf-8"),
                           "4952302222") == compile_routing(old, directory).text
        assert deployer(root, tts_cache, media_wav).deploy("4952302222", new, directory).ok
        assert not [p for p in root.rglob(".*") if p.name.endswith(".pbxdesk-tmp")]
        assert_consistent(root, {"4952302222": {compile_routing(new, directory).text}})


@pytest.mark.slow
def test_sigkill_at_random_moments(tmp_path, tts_cache, media_wav, spec_example, directory, directory_path):
    """Deployments of six versions in a loop, killed at random moments (also inside a write)."""
    docs = [variant(spec_example, i) for i in range(6)]
    for doc in docs:
        EspeakEngine(tts_cache).synthesize(doc.scenarios["working"].prompt.tts, "ru")
    allowed = {"4952302222": {compile_routing(d, directory).text for d in [spec_example, *docs]}}
    paths = _write_docs(tmp_path, docs)
    rng = random.Random(20261125)
    for run in range(6):
        root = tmp_path / f"root{run}"
        deployer(root, tts_cache, media_wav).deploy("4952302222", spec_example, directory)
        proc = _child(root, tts_cache, media_wav, directory_path, "loop", 0, paths)
        assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0.0, 0.4))
        proc.kill()
        proc.communicate(timeout=30)
        assert_consistent(root, allowed)
        assert deployer(root, tts_cache, media_wav).deploy("4952302222", docs[0], directory).ok
        assert not [p for p in root.rglob(".*") if p.name.endswith(".pbxdesk-tmp")]


@pytest.mark.parametrize(("umask", "file_mode", "dir_mode"), [(0o022, 0o644, 0o755), (0o077, 0o644, 0o755),
                                                              (0o002, 0o664, 0o775)])
def test_deployed_files_are_readable_by_another_user(tmp_path, tts_cache, media_wav, spec_example, directory,
                                                     umask, file_mode, dir_mode):
    """An Asterisk running as its own user reads what the server deployed: files as a new file gets under
    the umask but at least 0644, directories at least 0755 (never the 0600 of a temporary file)."""
    old = os.umask(umask)
    try:
        root = tmp_path / "deploy" / "asterisk"
        assert deployer(root, tts_cache, media_wav).deploy(spec_example.number, spec_example, directory).ok
    finally:
        os.umask(old)
    files = [p for p in root.rglob("*") if p.is_file() and p.name != ".deploy.lock"]
    assert files and {stat.S_IMODE(p.stat().st_mode) for p in files} == {file_mode}
    dirs = [root, *[p for p in root.rglob("*") if p.is_dir()]]
    assert {stat.S_IMODE(p.stat().st_mode) for p in dirs} == {dir_mode}
