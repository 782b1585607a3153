"""The ``pbxdesk`` command: no arguments opens the desktop app; subcommands are headless.

Each subcommand lives in its own module with a ``main(argv: list[str]) -> int``; this file only
dispatches, so the subsystems never edit a shared parser.
"""

from __future__ import annotations

import importlib
import sys

COMMANDS: dict[str, tuple[str, str]] = {
    "validate": ("pbxdesk.cli.validate", "check a routing document (SPEC §5)"),
    "simulate": ("pbxdesk.cli.simulate", "simulate an incoming call (SPEC §6)"),
    "export": ("pbxdesk.cli.export", "print the telephony backend configuration of a routing document"),
    "serve": ("pbxdesk.server.cli", "run the reference provisioning server"),
    "admin": ("pbxdesk.server.admin_cli", "administer the reference server: companies, tokens, numbers, nodes"),
    "node-agent": ("pbxdesk.fleet.cli", "deploy the service's dialplans to this Asterisk node"),
    "numbers": ("pbxdesk.cli.store_cmds", "list the numbers of the local profile"),
    "get": ("pbxdesk.cli.store_cmds", "print the saved routing document of a number"),
    "set": ("pbxdesk.cli.store_cmds", "validate, save and queue a routing document for a number"),
    "copy": ("pbxdesk.cli.store_cmds", "copy the settings of one number to others (R2)"),
    "status": ("pbxdesk.cli.store_cmds", "pending changes, drafts and conflicts of the local profile"),
    "login": ("pbxdesk.cli.sync_cmds", "store the server URL and API token"),
    "sync": ("pbxdesk.cli.sync_cmds", "pull and push changes with the provisioning server"),
    "conflicts": ("pbxdesk.cli.sync_cmds", "list conflicting numbers"),
    "resolve": ("pbxdesk.cli.sync_cmds", "resolve a conflict: --take mine|theirs"),
    "media": ("pbxdesk.cli.media_cmds", "the company's audio files: list, rename, remove"),
}


def _usage() -> str:
    lines = ["usage: pbxdesk [COMMAND] [ARGS...]", "", "Without a command the desktop app opens.", "",
             "commands:"]
    lines += [f"  {name:<11} {help_}" for name, (_mod, help_) in COMMANDS.items()]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] in ("-h", "--help"):
        print(_usage())
        return 0
    if args and args[0] == "--version":
        from pbxdesk import __version__

        print(f"pbxdesk {__version__}")
        return 0
    if not args or args[0].startswith("-"):
        from pbxdesk.app.main import run_app

        return run_app(args)
    name = args[0]
    if name not in COMMANDS:
        print(f"pbxdesk: unknown command '{name}'\n\n{_usage()}", file=sys.stderr)
        return 2
    module = importlib.import_module(COMMANDS[name][0])
    result: int = module.main(args)
    return result
