"""The Asterisk backend: routing documents compiled to dialplan (:mod:`.compiler`, with :mod:`.schedule`,
:mod:`.nodes`, :mod:`.department`, :mod:`.syntax`), its settings (:mod:`.settings`) and the files it is
deployed as (:mod:`.writer`)."""

from pbxdesk.backend.asterisk.compiler import (
    CompiledDialplan,
    CompileError,
    DirectoryRequired,
    SoundSource,
    compile_routing,
    context_name,
    tts_sound_name,
)

__all__ = ["CompileError", "CompiledDialplan", "DirectoryRequired", "SoundSource", "compile_routing",
           "context_name", "tts_sound_name"]
