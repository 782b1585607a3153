"""One Asterisk instance for tests: its configuration under a work directory, start, CLI, reload, stop.

Everything the instance writes lives under ``workdir`` (``etc/``, ``log/full``, ``spool/``, ...), except
its control socket, which goes to a short ``/tmp/ast*`` directory (a Unix socket path must stay under
108 bytes). Modules come from the unpacked tree. The instance listens for SIP on ``127.0.0.1:5060``
inside the given :class:`~tests.telephony.harness.netns.Namespace`.

* Endpoints: ``caller`` (calls from sipp enter the context ``from-caller``, where the dialled number is
  sent to ``pbxdesk-incoming``, the context pbxdesk's include file defines) and one endpoint per
  :class:`Endpoint` (name = the extension or ``trunk``; its contact is the sipp that answers for it).
* ``includes``: dialplan files ``#include``d at the end of ``extensions.conf`` (pbxdesk's
  ``extensions_pbxdesk.conf``); the context ``hold`` answers and waits, for making an endpoint busy with
  :meth:`Asterisk.hold_call`.
* ``clock``: a UTC instant (``datetime``) at which the instance's clock starts (libfaketime); it then moves
  on in real time. :meth:`Asterisk.now` gives the instance's current time.
* ``sounds``: a directory of system prompts (``vm-intro`` ...), linked as ``sounds/en``.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from tests.telephony.harness.netns import Namespace

FAKETIME_LIBS = ("/usr/lib/x86_64-linux-gnu/faketime/libfaketimeMT.so.1",
                 "/usr/lib/faketime/libfaketimeMT.so.1")
SYSTEM_SOUNDS = Path("/usr/share/asterisk/sounds/en_US_f_Allison")
SIP_PORT = 5060
# Modules a pbxdesk dialplan and these tests do not use: fewer modules, faster start.
NOLOAD = ("chan_iax2", "chan_dahdi", "chan_mobile", "chan_unistim", "chan_motif", "chan_console", "chan_audiosocket",
          "chan_websocket", "chan_rtp", "res_ari", "res_config_pgsql", "res_config_curl", "res_config_ldap",
          "res_config_odbc", "res_odbc", "res_pgsql", "cdr_pgsql", "cel_pgsql", "cdr_custom", "cdr_manager",
          "cdr_csv", "cdr_sqlite3_custom", "cel_sqlite3_custom", "cel_custom", "cel_manager", "res_hep",
          "res_hep_pjsip", "res_hep_rtcp", "res_calendar", "res_xmpp", "res_smdi", "res_snmp", "pbx_lua", "pbx_ael",
          "pbx_dundi", "res_stir_shaken", "res_prometheus", "res_statsd", "res_phoneprov", "res_pjsip_phoneprov_provider",
          "app_voicemail", "app_minivm", "res_http_websocket", "res_pjsip_transport_websocket", "res_geolocation",
          "res_aeap", "res_speech_aeap", "res_pjsip_outbound_registration", "res_pjsip_outbound_publish",
          "res_pjsip_publish_asterisk", "res_corosync", "res_pjsip_stir_shaken", "res_mwi_external")
_EXECUTING = re.compile(r"^\[(?P<ts>[0-9-]+ [0-9:.]+)\] VERBOSE\[\d+\](?:\[[^]]*\])? [\w.]+: (?:-- )?Executing "
                        r"\[(?P<exten>[^@]*)@(?P<context>[^:]+):(?P<prio>\d+)\] (?P<app>\w+)\("
                        r"\"(?P<channel>[^\"]*)\", \"(?P<args>.*)\"\) in new stack$")


@dataclass(frozen=True)
class Endpoint:
    """A PJSIP endpoint Asterisk can dial: ``name`` (an extension, or ``trunk``) answered by the sipp on
    ``port`` (127.0.0.1). ``PJSIP/<name>`` dials it; ``PJSIP/<number>@trunk`` dials a number through it."""

    name: str
    port: int


@dataclass(frozen=True)
class Executed:
    """One dialplan application an instance ran (from its full log)."""

    at: datetime  # the instance's (faked) clock, UTC
    context: str
    exten: str
    priority: int
    app: str
    channel: str
    args: str


def _faketime_lib() -> str | None:
    return next((lib for lib in FAKETIME_LIBS if Path(lib).is_file()), None)


class Asterisk:
    def __init__(self, root: Path, workdir: Path, ns: Namespace, endpoints: list[Endpoint] = (),
                 includes: list[Path] = (), clock: datetime | None = None,
                 sounds: Path | None = SYSTEM_SOUNDS) -> None:
        self.root = Path(root)
        self.workdir = Path(workdir)
        self.ns = ns
        self.endpoints = list(endpoints)
        self.includes = [Path(p) for p in includes]
        self.clock = clock
        self.sounds = sounds
        self.rundir = Path(tempfile.mkdtemp(prefix="ast", dir="/tmp"))
        self.conf = self.workdir / "etc" / "asterisk.conf"
        self.process: subprocess.Popen[bytes] | None = None
        self.started_at: float | None = None  # time.time() when the process started
        self.boot_s: float | None = None
        self._write_config()

    # -- configuration -------------------------------------------------------------------------------
    def _dir(self, name: str) -> Path:
        path = self.workdir / name
        path.mkdir(parents=True, exist_ok=True)
        return path

    def _write_config(self) -> None:
        etc = self._dir("etc")
        dirs = {"astetcdir": etc, "astmoddir": self.root / "lib" / "asterisk" / "modules",
                "astvarlibdir": self._dir("varlib"), "astdbdir": self._dir("db"), "astkeydir": self._dir("varlib"),
                "astdatadir": self._dir("data"), "astagidir": self._dir("agi"), "astspooldir": self._dir("spool"),
                "astrundir": self.rundir, "astlogdir": self._dir("log"), "astsbindir": self.root / "sbin",
                "astcachedir": self._dir("cache")}
        lines = ["[directories]"] + [f"{k} => {v}" for k, v in dirs.items()]
        debug = os.environ.get("PBXDESK_ASTERISK_DEBUG", "0")  # e.g. 3 to log device state changes when diagnosing
        lines += ["[options]", "verbose = 3", f"debug = {debug}", "nocolor = yes", "timestamp = yes",
                  "maxcalls = 10000", "transmit_silence = no", "cache_record_files = no"]
        self.conf.write_text("\n".join(lines) + "\n")
        data = self._dir("data")
        shipped = self.root / "var" / "lib" / "asterisk"
        for name in ("documentation", "rest-api"):  # the XML docs: Stasis refuses to start without them
            if (shipped / name).is_dir() and not (data / name).exists():
                (data / name).symlink_to(shipped / name)
        sounds = data / "sounds"
        sounds.mkdir(exist_ok=True)
        if self.sounds is not None and self.sounds.is_dir() and not (sounds / "en").exists():
            (sounds / "en").symlink_to(self.sounds)
        modules = ["[modules]", "autoload = yes"] + [f"noload => {m}.so" for m in NOLOAD]
        (etc / "modules.conf").write_text("\n".join(modules) + "\n")
        (etc / "logger.conf").write_text("[general]\ndateformat = %F %T.%3q\n[logfiles]\n"
                                         "full => notice,warning,error,verbose"
                                         + (",debug" if debug != "0" else "") + "\n")
        (etc / "rtp.conf").write_text("[general]\nrtpstart = 10000\nrtpend = 19999\n")
        (etc / "pjsip.conf").write_text(self.pjsip_conf())
        (etc / "extensions.conf").write_text(self.extensions_conf())
        for name in ("cdr.conf", "cel.conf"):
            (etc / name).write_text("[general]\nenable = no\n")
        (etc / "res_fax.conf").write_text("[general]\nminrate = 2400\nmaxrate = 14400\n")

    def pjsip_conf(self) -> str:
        common = "type = endpoint\ntransport = udp\ndisallow = all\nallow = ulaw,alaw\ndirect_media = no\n"
        out = [f"[udp]\ntype = transport\nprotocol = udp\nbind = 127.0.0.1:{SIP_PORT}\n",
               f"[caller]\n{common}context = from-caller\naors = caller\n", "[caller]\ntype = aor\n"]
        for ep in self.endpoints:
            user = "" if ep.name == "trunk" else f"{ep.name}@"
            out.append(f"[{ep.name}]\n{common}context = from-member\naors = {ep.name}\n")
            out.append(f"[{ep.name}]\ntype = aor\ncontact = sip:{user}127.0.0.1:{ep.port}\n")
        return "\n".join(out)

    def extensions_conf(self) -> str:
        lines = ["[general]", "static = yes", "writeprotect = yes", "", "[from-caller]",
                 "exten => _X.,1,Goto(pbxdesk-incoming,${EXTEN},1)", "", "[from-member]",
                 "exten => _X.,1,Hangup()", "", "[hold]", "exten => s,1,Answer()", " same => n,Wait(3600)", ""]
        lines += [f'#tryinclude "{path}"' for path in self.includes]
        return "\n".join(lines) + "\n"

    # -- process -------------------------------------------------------------------------------------
    def environment(self) -> dict[str, str]:
        env = dict(os.environ, LD_LIBRARY_PATH=str(self.root / "lib"), TZ="UTC")
        env.pop("LD_PRELOAD", None)
        if self.clock is not None:
            lib = _faketime_lib()
            if lib is None:
                raise RuntimeError("libfaketime is not installed (Debian package libfaketime)")
            env.update(LD_PRELOAD=lib, FAKETIME=self.clock.astimezone(UTC).strftime("@%Y-%m-%d %H:%M:%S"),
                       FAKETIME_DONT_FAKE_MONOTONIC="1", FAKETIME_NO_CACHE="1")
        return env

    def start(self, timeout: float = 60) -> None:
        log = open(self.workdir / "log" / "console.log", "wb")
        begin = time.time()
        self.started_at = begin
        self.process = self.ns.popen([str(self.root / "sbin" / "asterisk"), "-C", str(self.conf), "-f", "-n"],
                                     env=self.environment(), stdout=log, stderr=subprocess.STDOUT)
        log.close()
        deadline = begin + timeout
        while True:
            if self.process.poll() is not None:
                raise RuntimeError(f"Asterisk exited ({self.process.returncode}): {self.console_tail()}")
            proc = self.cli("core waitfullybooted", check=False, timeout=timeout)
            if proc.returncode == 0:
                break
            if time.time() > deadline:
                raise RuntimeError(f"Asterisk did not boot in {timeout} s: {self.console_tail()}")
            time.sleep(0.1)
        self.boot_s = time.time() - begin

    def console_tail(self, lines: int = 20) -> str:
        path = self.workdir / "log" / "console.log"
        text = path.read_text(errors="replace") if path.is_file() else ""
        return "\n".join(text.splitlines()[-lines:])

    def cli(self, command: str, *, check: bool = True, timeout: float = 60) -> subprocess.CompletedProcess[str]:
        """Run one CLI command against the running instance (``asterisk -rx``)."""
        env = dict(os.environ, LD_LIBRARY_PATH=str(self.root / "lib"))
        env.pop("LD_PRELOAD", None)
        return self.ns.run([str(self.root / "sbin" / "asterisk"), "-C", str(self.conf), "-rx", command],
                           env=env, timeout=timeout, check=check)

    def rx_command(self) -> list[str]:
        """A command line that runs ``dialplan reload`` on this instance (for a deployer's reload)."""
        return ["env", f"LD_LIBRARY_PATH={self.root / 'lib'}", str(self.root / "sbin" / "asterisk"),
                "-C", str(self.conf), "-rx", "dialplan reload"]

    def reload(self) -> float:
        """``dialplan reload``; returns the seconds it took. Raises when a generated line was skipped."""
        begin = time.perf_counter()
        self.cli("dialplan reload")
        took = time.perf_counter() - begin
        too_long = [line for line in self.log_lines() if "too long" in line]
        if too_long:
            raise RuntimeError(f"Asterisk skipped dialplan lines: {too_long[:3]}")
        return took

    def hold_call(self, extension: str) -> None:
        """Make an endpoint busy with a real call: Asterisk calls it and, once answered, keeps the call up."""
        self.cli(f"channel originate PJSIP/{extension} extension s@hold")

    def device_state(self, device: str) -> str:
        proc = self.cli(f"dialplan eval function DEVICE_STATE({device})", check=False)
        return proc.stdout.strip().rsplit(" ", 1)[-1] if proc.returncode == 0 else ""

    def now(self) -> datetime:
        """The instance's clock now (the faked start plus the real time since the process started)."""
        if self.clock is None or self.started_at is None:
            return datetime.now(UTC)
        return self.clock.astimezone(UTC) + timedelta(seconds=time.time() - self.started_at)

    def log_lines(self) -> list[str]:
        path = self.workdir / "log" / "full"
        return path.read_text(errors="replace").splitlines() if path.is_file() else []

    def executed(self, context_prefix: str = "") -> list[Executed]:
        """Applications run in contexts whose names start with ``context_prefix``, in log order."""
        out: list[Executed] = []
        for line in self.log_lines():
            m = _EXECUTING.match(line)
            if m and m.group("context").startswith(context_prefix):
                at = datetime.strptime(m.group("ts"), "%Y-%m-%d %H:%M:%S.%f").replace(tzinfo=UTC)
                out.append(Executed(at, m.group("context"), m.group("exten"), int(m.group("prio")),
                                    m.group("app"), m.group("channel"), m.group("args")))
        return out

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.cli("core stop now", check=False, timeout=15)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
        shutil.rmtree(self.rundir, ignore_errors=True)
