"""An HTTPS server for the TLS test: a self-signed certificate for 127.0.0.1 made with ``cryptography``,
and the real app under uvicorn with ``ssl_keyfile``/``ssl_certfile`` in a subprocess."""

from __future__ import annotations

import datetime
import ipaddress
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from sync_helpers import REPO, free_port

SCRIPT = """
import sys, uvicorn
from pathlib import Path
from pbxdesk.server.app import create_app
from pbxdesk.server.context import ServerConfig
app = create_app(ServerConfig(Path(sys.argv[1]), None, deploy=False))
uvicorn.run(app, host="127.0.0.1", port=int(sys.argv[2]), ssl_keyfile=sys.argv[3], ssl_certfile=sys.argv[4],
            log_level="critical")
"""


def self_signed(folder: Path) -> tuple[Path, Path]:
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = datetime.datetime.now(datetime.UTC)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(now - datetime.timedelta(minutes=5))
            .not_valid_after(now + datetime.timedelta(days=1))
            .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
                           critical=False)
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .sign(key, hashes.SHA256()))
    key_path, cert_path = folder / "key.pem", folder / "cert.pem"
    key_path.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    return key_path, cert_path


@contextmanager
def https_server(data_dir: Path, folder: Path) -> Iterator[tuple[str, Path]]:
    key, cert = self_signed(folder)
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-c", SCRIPT, str(data_dir), str(port), str(key), str(cert)],
                            cwd=REPO)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=1):
                    break
            except OSError:
                if time.monotonic() > deadline or proc.poll() is not None:
                    raise RuntimeError("the HTTPS server did not start") from None
                time.sleep(0.05)
        yield f"https://127.0.0.1:{port}", cert
    finally:
        proc.terminate()
        proc.wait(10)
