"""Asterisk backend benchmark: compiling a 2,000-node routing document and deploying it.

Run: ``.venv/bin/python bench/asterisk_bench.py [--nodes 2000] [--runs 50]``

Uses the generated document of ``bench/domain_bench.py``. Prints the median time of ``compile_routing``
next to the baseline ``json.loads`` + ``json.dumps`` of the same document, and the median time of a
re-deployment (sounds already in place: the number's file and the include file written atomically with
fsync) next to the baseline of writing the same bytes with a plain ``write_bytes`` (no temp file, no
fsync), both measured in the same run, with the ratios.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from domain_bench import directory, document_data, median_s

from pbxdesk.audio.tts import EspeakEngine
from pbxdesk.backend.asterisk import compile_routing
from pbxdesk.backend.asterisk.writer import AsteriskDeployer
from pbxdesk.domain.document import dumps, from_dict
from pbxdesk.domain.walk import iter_nodes


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=50)
    args = parser.parse_args()

    company = directory()
    doc = from_dict(document_data(args.nodes))
    text = dumps(doc)
    compiled = compile_routing(doc, company)
    nodes = sum(1 for _ in iter_nodes(doc))
    print(f"document: {nodes} nodes, {len(text.encode()):,} bytes of JSON -> dialplan "
          f"{len(compiled.text.encode()):,} bytes, {compiled.text.count(chr(10)):,} lines, "
          f"{len(compiled.contexts)} contexts, {len(compiled.sounds)} sounds")

    baseline = median_s(lambda: json.dumps(json.loads(text), ensure_ascii=False), args.runs)
    compile_s = median_s(lambda: compile_routing(doc, company), args.runs)
    print(f"baseline json.loads+json.dumps : {baseline * 1e3:8.2f} ms  (median of {args.runs})")
    print(f"compile_routing                : {compile_s * 1e3:8.2f} ms  = {compile_s / baseline:6.2f} x baseline")

    with tempfile.TemporaryDirectory(prefix="pbxdesk-bench-") as tmp:
        root = Path(tmp) / "asterisk"
        deployer = AsteriskDeployer(root, EspeakEngine(Path(tmp) / "tts"), lambda _id: None)
        first = deployer.deploy(doc.number, doc, company)  # renders the TTS prompts once
        assert first.ok, first.message
        data = compiled.text.encode()
        plain = Path(tmp) / "plain.conf"
        write_base = median_s(lambda: plain.write_bytes(data), args.runs)
        deploy_s = median_s(lambda: deployer.deploy(doc.number, doc, company), args.runs)
    print(f"baseline plain write_bytes     : {write_base * 1e3:8.2f} ms  (median of {args.runs})")
    print(f"re-deploy (compile + 2 atomic writes with fsync): {deploy_s * 1e3:8.2f} ms  "
          f"= {deploy_s / write_base:6.1f} x plain write")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
