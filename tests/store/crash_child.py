"""Helper process of the crash test (not a test module).

Runs as a zygote: it imports the store once, then for each ``spawn PROFILE START SEED`` line on stdin it
forks a worker that opens the profile and saves, autosaves and marks pushes in a loop, writing one ack
line to stdout *after* each call has returned (``D|S|P NUMBER INDEX``). The test kills the worker with
SIGKILL; ``wait PID`` makes the zygote reap it and answer ``DEAD PID``, so every ack of that worker is
already in the pipe before it. Forking keeps the 50+ restarts cheap (no interpreter start-up each time).
"""

from __future__ import annotations

import os
import random
import sys

from pbxdesk.domain.document import load_path
from pbxdesk.store import Store

NUMBERS = ("4952302201", "4952302202", "4952302203", "4952302204")
EXAMPLE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data", "spec_example.json")


def say(line: str) -> None:
    os.write(1, (line + "\n").encode())  # unbuffered: the ack is in the pipe when this returns


def seed(profile: str) -> None:
    base = load_path(EXAMPLE).document
    with Store.open(profile) as store:
        for num in NUMBERS:
            doc = base.model_copy(deep=True)
            doc.number, doc.name = num, "init"
            store.apply_server_document(num, doc, 1)


def worker(profile: str, start: int, rng_seed: int) -> None:
    rng = random.Random(rng_seed)
    base = load_path(EXAMPLE).document
    store = Store.open(profile)
    say("READY")
    i = start
    while True:
        i += 1
        num = rng.choice(NUMBERS)
        roll = rng.random()
        if roll < 0.5:
            data = base.model_dump(mode="json")
            data.update(number=num, name=f"d{i}")
            if i % 2:
                data["scenarios"]["working"]["type"] = "unfinished"  # drafts need not be valid
            store.save_draft(num, data)
            say(f"D {num} {i}")
        elif roll < 0.9:
            doc = base.model_copy(deep=True)
            doc.number, doc.name = num, f"s{i}"
            store.save(num, doc)
            say(f"S {num} {i}")
        else:
            items = [it for it in store.outbox_items() if it.number == num]
            if items:
                rev = store.summary(num).revision or 0
                doc = store.get_saved(num)
                assert doc is not None
                store.mark_pushed(num, rev + 1, doc, items[0].idempotency_key)
            say(f"P {num} {i}")


def zygote() -> None:
    for line in sys.stdin:
        cmd, *args = line.split()
        if cmd == "seed":
            seed(args[0])
            say("SEEDED")
        elif cmd == "spawn":
            pid = os.fork()
            if pid == 0:
                try:
                    worker(args[0], int(args[1]), int(args[2]))
                except BaseException as exc:  # reported, so the test fails instead of waiting for acks
                    say(f"FAILED {exc!r}")
                finally:
                    os._exit(3)
            say(f"PID {pid}")
        elif cmd == "wait":
            _pid, status = os.waitpid(int(args[0]), 0)
            say(f"DEAD {args[0]} {status}")


if __name__ == "__main__":
    zygote()
