"""SPEC §6 step 2 in dialplan: one extension ``node<k>`` of the number's context per scenario node, one
context ``pbxdesk-<number>-menu<k>`` per menu (``WaitExten`` waits for extensions of its own context).

* ``message``: ``Playback(prompt)``, then ``Goto`` the next node or ``Hangup()``.
* ``menu``: ``Background(prompt)`` + ``WaitExten(timeout_s)``; each enabled key is an extension going to
  its branch; with extension dialing every employee extension is one (busy: straight on, else
  ``Dial(channel,30)``, then ``no_input``); ``t`` (nothing pressed) goes to ``no_input``; ``i`` (a key
  not enabled, digits that are no extension) plays the prompt again until it has played ``repeats``
  times in all, then goes to ``no_input``.
* ``forward_external`` / ``forward_employee``: the announcement, then ``Dial(target,timeout_s)``; a busy
  employee (``DEVICE_STATE``) is not rung. Unanswered: the next node or ``Hangup()``. An answered call
  ends with the bridge (``Dial`` without the ``g`` option never returns to the dialplan then).
* ``forward_department``: see :mod:`pbxdesk.backend.asterisk.department`.
* ``voicemail`` / ``fax``: the greeting (or the system one), then ``Record`` / ``ReceiveFAX`` into
  ``record_dir``; a hangup handler pushed just before runs the mail command with the recipients'
  e-mails (employees, all members of departments, the external e-mail; deduplicated, sorted).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field

from pbxdesk.backend.asterisk.settings import AsteriskSettings
from pbxdesk.backend.asterisk.syntax import (
    Context,
    DirectoryRequired,
    Extension,
    busy_expr,
    context_name,
    is_email,
    is_extension,
    is_media_id,
    is_number,
)
from pbxdesk.domain.models import (
    MENU_KEYS,
    AnyNode,
    AudioPrompt,
    DepartmentRecipient,
    Directory,
    EmployeeRecipient,
    FaxNode,
    ForwardDepartmentNode,
    ForwardEmployeeNode,
    ForwardExternalNode,
    MenuNode,
    MessageNode,
    TtsPrompt,
    VoicemailNode,
)
from pbxdesk.domain.problems import join

EXTENSION_RING_S = 30  # SPEC §6: a dialled extension rings for 30 s


@dataclass(frozen=True)
class SoundSource:
    """A prompt the deployer must place as ``sounds/pbxdesk/<name>.wav``: TTS text or a stored master."""

    name: str
    tts: str | None = None
    voice: str = "ru"
    media_id: str | None = None


@dataclass(frozen=True)
class Leg:
    """A ringable employee: dial string and the device whose state says whether they are busy."""

    employee: str
    extension: str
    channel: str
    device: str | None


def tts_sound_name(text: str, voice: str) -> str:
    return hashlib.sha256(json.dumps(["tts", voice, text], ensure_ascii=False).encode("utf-8")).hexdigest()


@dataclass
class Build:
    number: str
    directory: Directory | None
    settings: AsteriskSettings
    main: Context = field(init=False)
    menus: list[Context] = field(default_factory=list)
    rings: list[Context] = field(default_factory=list)
    sounds: dict[str, SoundSource] = field(default_factory=dict)
    nodes: int = 0
    hangup_used: bool = False

    def __post_init__(self) -> None:
        self.main = Context(context_name(self.number))

    # -- targets -------------------------------------------------------------------------------------
    def target(self, ext: str, prio: str = "1") -> str:
        return f"{self.main.name},{ext},{prio}"

    def hangup_target(self) -> str:
        self.hangup_used = True
        return self.target("hangup")

    def then(self, ext: Extension, child: AnyNode | None, ptr: str, label: str | None = None) -> None:
        """Continue after a node: Goto the child's code, or hang up when there is none."""
        if child is None:
            ext.add("Hangup()", label=label)
        else:
            ext.add(f"Goto({self.node(child, ptr)})", label=label)

    # -- directory -----------------------------------------------------------------------------------
    def need_directory(self, what: str) -> Directory:
        if self.directory is None:
            raise DirectoryRequired(f"the document {what}: the company directory is needed")
        return self.directory

    def leg(self, employee_id: str) -> Leg | None:
        employee = self.need_directory("rings employees").employee(employee_id)
        if employee is None or not is_extension(employee.extension):
            return None
        ext = str(employee.extension)
        channel, device = self.leg_templates(ext)
        return Leg(employee_id, ext, channel, device)

    def leg_templates(self, extension: str) -> tuple[str, str | None]:
        """The dial string and the busy device (None: never busy) of an extension (or of ``${VAR}``)."""
        device = self.settings.employee_device.replace("{extension}", extension) or None
        return self.settings.employee_channel.replace("{extension}", extension), device

    def emails(self, node: VoicemailNode | FaxNode) -> list[str]:
        found: set[str] = set()
        if node.recipients:
            directory = self.need_directory("mails employees or departments")
            for recipient in node.recipients:
                ids: list[str] = []
                if isinstance(recipient, EmployeeRecipient):
                    ids = [recipient.employee]
                elif isinstance(recipient, DepartmentRecipient):
                    department = directory.department(recipient.department)
                    ids = list(department.members) if department else []
                for employee_id in ids:
                    employee = directory.employee(employee_id)
                    if employee is not None and is_email(employee.email):
                        found.add(str(employee.email))
        if is_email(node.external_email):
            found.add(str(node.external_email))
        return sorted(found)

    # -- prompts -------------------------------------------------------------------------------------
    def sound(self, prompt: TtsPrompt | AudioPrompt | None) -> str | None:
        """The Playback name of a prompt (registered for the deployer), None for none or an unusable one."""
        if isinstance(prompt, TtsPrompt):
            if not prompt.tts.strip() or prompt.voice not in ("ru", "en"):
                return None
            source = SoundSource(tts_sound_name(prompt.tts, prompt.voice), tts=prompt.tts, voice=prompt.voice)
        elif isinstance(prompt, AudioPrompt) and is_media_id(prompt.audio):
            source = SoundSource(prompt.audio, media_id=prompt.audio)
        else:
            return None
        self.sounds.setdefault(source.name, source)
        return f"{self.settings.sound_prefix}/{source.name}"

    def play(self, ext: Extension, prompt: TtsPrompt | AudioPrompt | None, comment: str | None = None) -> None:
        name = self.sound(prompt)
        if name is not None:
            ext.add(f"Playback({name})", comment=comment)

    # -- nodes ---------------------------------------------------------------------------------------
    def node(self, node: AnyNode | None, ptr: str) -> str:
        """Emit the code of a node (and its subtree); return the Goto target where it starts."""
        if node is None:
            return self.hangup_target()
        if isinstance(node, MenuNode):
            return self.menu(node, ptr)
        self.nodes += 1
        ext = self.main.extension(f"node{self.nodes}")
        ext.add(f"NoOp({node.type} {self.nodes})", comment=f"{ptr}: {node.type}")
        if isinstance(node, MessageNode):
            self.play(ext, node.prompt)
            self.then(ext, node.next, join(ptr, "next"))
        elif isinstance(node, ForwardExternalNode):
            self.play(ext, node.announcement, "announcement")
            if is_number(node.number):
                ext.add(f"Dial({self.settings.trunk.replace('{number}', node.number)},{node.timeout_s})")
            self.then(ext, node.next, join(ptr, "next"))
        elif isinstance(node, ForwardEmployeeNode):
            self.play(ext, node.announcement, "announcement")
            leg = self.leg(node.employee)
            if leg is not None:
                ext.add(f"GotoIf({busy_expr(leg.device)}?done)", comment="busy: not rung, move on at once")
                ext.add(f"Dial({leg.channel},{node.timeout_s})")
            self.then(ext, node.next, join(ptr, "next"), label="done" if leg else None)
        elif isinstance(node, ForwardDepartmentNode):
            from pbxdesk.backend.asterisk.department import emit_department

            emit_department(self, ext, node, ptr)
        elif isinstance(node, VoicemailNode | FaxNode):
            self.mail(ext, node)
        return self.target(ext.name)

    def menu(self, node: MenuNode, ptr: str) -> str:
        ctx = Context(context_name(self.number, f"menu{len(self.menus) + 1}"),
                      comments=[f"{ptr}: menu, wait {node.timeout_s} s, {node.repeats} plays in all"])
        self.menus.append(ctx)
        start = ctx.extension("s")
        start.add("Set(PBXDESK_PLAYS=0)")
        start.add("Set(PBXDESK_PLAYS=$[${PBXDESK_PLAYS} + 1])", label="play")
        prompt = self.sound(node.prompt)
        if prompt is not None:
            start.add(f"Background({prompt})")
        start.add(f"WaitExten({node.timeout_s})")
        keys = [k for k in MENU_KEYS if k in node.keys]
        for key in keys:
            ctx.extension(key).add(f"Goto({self.node(node.keys[key], join(ptr, 'keys', key))})",
                                   comment=f"key {key}")
        no_input = self.node(node.no_input, join(ptr, "no_input"))
        if node.extension_dialing:
            directory = self.need_directory("dials employee extensions")
            legs: dict[str, Leg] = {}
            for employee in directory.employees:
                if is_extension(employee.extension) and employee.extension not in keys:
                    leg = self.leg(employee.id)
                    if leg is not None:
                        legs.setdefault(str(employee.extension), leg)
            for extension in sorted(legs):
                leg = legs[extension]
                ext = ctx.extension(extension)
                ext.add(f"GotoIf({busy_expr(leg.device)}?{no_input})",
                        comment=f"extension dialing: {leg.employee}, busy: not rung")
                ext.add(f"Dial({leg.channel},{EXTENSION_RING_S})")
                ext.add(f"Goto({no_input})")
        invalid = ctx.extension("i")
        invalid.add(f"GotoIf($[${{PBXDESK_PLAYS}} < {node.repeats}]?s,play)",
                    comment=f"invalid input: play again, {node.repeats} plays in all")
        invalid.add(f"Goto({no_input})")
        ctx.extension("t").add(f"Goto({no_input})", comment="nothing pressed: no_input")
        return f"{ctx.name},s,1"

    def mail(self, ext: Extension, node: VoicemailNode | FaxNode) -> None:
        kind = node.type
        ext.add("Answer()")
        greeting = self.sound(node.greeting)
        system = self.settings.voicemail_greeting if kind == "voicemail" else self.settings.fax_greeting
        if greeting or system:
            ext.add(f"Playback({greeting or system})", comment=None if greeting else "system greeting")
        ext.add(f"Set(PBXDESK_FILE={self.settings.record_dir}/{kind}-{self.number}-${{UNIQUEID}})")
        emails = self.emails(node)
        suffix = "wav" if kind == "voicemail" else "tif"
        if emails:
            handler = self.main.extension(f"mail{self.nodes}")
            command = (self.settings.mail_command.replace("{kind}", kind).replace("{number}", self.number)
                       .replace("{file}", f"${{PBXDESK_FILE}}.{suffix}").replace("{emails}", " ".join(emails)))
            handler.add(f"System({command})", comment=f"hangup handler: mail the {kind} to {len(emails)} address(es)")
            handler.add("Return()")
            ext.add(f"Set(CHANNEL(hangup_handler_push)={self.target(handler.name)})",
                    comment="the mail goes when the call ends")
        if kind == "voicemail":
            ext.add(f"Record(${{PBXDESK_FILE}}.wav,10,{self.settings.voicemail_max_s},k)")
        else:
            ext.add("ReceiveFAX(${PBXDESK_FILE}.tif)")
        ext.add("Hangup()")
