"""Child process for the crash tests of the Asterisk deployer (run by test_asterisk_writer.py).

``deploy_child.py ROOT CACHE MEDIA_WAV DIRECTORY_JSON MODE K DOC_JSON...``

* ``MODE=kill``: deploy the first document; just before the K-th write step (0-based, as named by the
  deployer's ``on_step`` hook) the process sends itself SIGKILL: a real crash between two writes.
* ``MODE=loop``: print ``ready`` and deploy the documents one after another forever; the parent kills
  the process with SIGKILL at a random moment (possibly in the middle of a write).
"""

from __future__ import annotations

import itertools
import os
import signal
import sys
from pathlib import Path

from pbxdesk.audio.tts import EspeakEngine
from pbxdesk.backend.asterisk.writer import AsteriskDeployer
from pbxdesk.domain.document import load_directory, load_path


def main() -> None:
    root, cache, media, directory_path, mode, k, *docs = sys.argv[1:]
    directory = load_directory(Path(directory_path).read_bytes())
    documents = [load_path(p).document for p in docs]
    steps = itertools.count()

    def on_step(name: str) -> None:
        if mode == "kill" and next(steps) == int(k):
            os.kill(os.getpid(), signal.SIGKILL)

    deployer = AsteriskDeployer(Path(root), EspeakEngine(Path(cache)), lambda _id: Path(media),
                                reload_command=["true"], on_step=on_step)
    if mode == "kill":
        deployer.deploy(documents[0].number, documents[0], directory)
        print("finished", flush=True)
        return
    print("ready", flush=True)
    for doc in itertools.cycle(documents):
        result = deployer.deploy(doc.number, doc, directory)
        if not result.ok:
            print(result.message, file=sys.stderr, flush=True)
            sys.exit(1)


if __name__ == "__main__":
    main()
