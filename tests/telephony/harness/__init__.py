"""A real Asterisk and real SIP endpoints (sipp) for tests, each run in a loopback-only network namespace.

Reusable by any test that must place real calls through dialplans pbxdesk writes (the real-call tier in
``tests/telephony/``, multi-node deployment tests). The pieces:

* :mod:`.install`: where the relocatable Asterisk comes from (``PBXDESK_ASTERISK`` = a tarball or an
  unpacked tree, else ``<repo>/../shared/telephony/asterisk-*.tar.xz``) and unpacking it once into the
  git-ignored ``<repo>/.cache/asterisk/`` (safe between concurrent test processes). ``find_asterisk()``
  returns ``(root, None)`` or ``(None, reason)``.
* :mod:`.netns`: :class:`Namespace`, a private network namespace with only ``lo`` up, held by one
  ``sleep`` process; every program of a test runs in it through ``nsenter``, so fixed ports (5060 for
  Asterisk, 5070.. for sipp) never collide with another run and nothing leaves loopback.
* :mod:`.asterisk`: :class:`Asterisk`, one instance with its own ``asterisk.conf`` naming every directory
  under a work directory, PJSIP endpoints (:class:`Endpoint`: an extension, the port of the sipp that
  answers for it), the dialplan include, optionally a faked clock (libfaketime); ``start()`` waits until
  fully booted, ``cli()``, ``reload()``, ``stop()``; its full log is kept for result collection
  (``executed()`` lists the dialplan applications run, with timestamps).
* :mod:`.sipp`: sipp scenarios and processes: :class:`Uas` answers for many endpoints at once (never, or
  a fixed number of seconds after each INVITE unless cancelled), :class:`Caller` places one call (DTMF as
  SIP INFO at given moments, optional RTP audio, hangs up after a hold time unless Asterisk hangs up
  first); :func:`read_trace` turns a ``-trace_msg`` log into timed SIP messages.

Every process a test starts is killed by the owner's ``close()`` / ``stop()`` (use them in ``finally`` or
fixtures), also when the test fails. Needs root (``unshare``/``nsenter``), sipp and libfaketime
(``scripts/setup.sh`` installs them).
"""

from tests.telephony.harness.asterisk import Asterisk, Endpoint, Executed
from tests.telephony.harness.install import find_asterisk
from tests.telephony.harness.netns import Namespace
from tests.telephony.harness.sipp import Caller, SipMessage, Uas, read_trace

__all__ = ["Asterisk", "Caller", "Endpoint", "Executed", "Namespace", "SipMessage", "Uas", "find_asterisk",
           "read_trace"]
