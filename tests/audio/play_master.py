"""Run by the playback tests in a process of its own (its own HOME, ALSA and PulseAudio settings):
plays a master through PromptPlayer and prints what happened as JSON."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTimer

from pbxdesk.audio.player import PromptPlayer


def main() -> None:
    app = QCoreApplication([])
    device = sys.argv[2].encode() if len(sys.argv) > 2 and sys.argv[2] else None
    player = PromptPlayer(device_id=device)
    report: dict[str, object] = {"backend": player.backend(), "available": player.available(),
                                 "reason": player.unavailable_reason(), "states": [], "first_buffer": False,
                                 "last_position_ms": 0, "errors": []}
    if player.available():
        states: list[str] = report["states"]  # type: ignore[assignment]
        errors: list[str] = report["errors"]  # type: ignore[assignment]

        def on_state(state: str) -> None:
            states.append(state)
            if state == "idle":
                QTimer.singleShot(200, app.quit)

        def on_first_buffer() -> None:
            report["first_buffer"] = True

        def on_position(ms: int) -> None:
            report["last_position_ms"] = ms

        def on_error(error: object) -> None:
            errors.append(str(error))

        player.stateChanged.connect(on_state)
        player.firstBuffer.connect(on_first_buffer)
        player.positionChanged.connect(on_position)
        player.errorOccurred.connect(on_error)
        QTimer.singleShot(0, lambda: player.play(Path(sys.argv[1])))
        QTimer.singleShot(30_000, app.quit)
        app.exec()
    print(json.dumps(report))


if __name__ == "__main__":
    main()
