"""Engine, migrations and write transactions of the provisioning service (SQLite or PostgreSQL)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import Connection, Engine, create_engine, event, insert, select, update

from pbxdesk.server.tables import changes, companies, deploy_feed, deploy_feed_counter, utcnow

MIGRATIONS = Path(__file__).parent / "migrations"
SQLITE_FILE = "server.sqlite3"
VERSION_TABLE = "pbxdesk_server_version"  # alembic's version table of this service


def database_url(data_dir: Path, url: str | None = None) -> str:
    """``url`` when given, else the SQLite file under the data directory."""
    if url:
        return url
    return f"sqlite:///{(Path(data_dir) / SQLITE_FILE).resolve()}"


def _sqlite_setup(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _connect(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.isolation_level = None  # we issue BEGIN ourselves (see _begin)
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA busy_timeout=30000")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.close()

    @event.listens_for(engine, "begin")
    def _begin(conn: Connection) -> None:
        immediate = conn.get_execution_options().get("pbxdesk_write", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def open_engine(data_dir: Path, url: str | None = None, migrate: bool = True) -> Engine:
    """Create the engine (SQLite under ``data_dir`` by default) and bring the schema up to date."""
    full = database_url(data_dir, url)
    if full.startswith("sqlite"):
        Path(data_dir).mkdir(parents=True, exist_ok=True)
        engine = create_engine(full, connect_args={"timeout": 30, "check_same_thread": False},
                               pool_size=20, max_overflow=20)
        _sqlite_setup(engine)
    else:
        engine = create_engine(full, pool_size=10, max_overflow=30, pool_pre_ping=True)
    if migrate:
        upgrade(engine)
    return engine


def upgrade(engine: Engine) -> None:
    """Run the alembic migrations up to head (the same scripts on SQLite and PostgreSQL)."""
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    with engine.connect() as conn:
        if conn.dialect.name == "postgresql":
            # Two servers starting on one fresh database must not both create the tables.
            with conn.begin():
                conn.exec_driver_sql("SELECT pg_advisory_lock(727274)")
        try:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
            conn.commit()
        finally:
            if conn.dialect.name == "postgresql":
                with conn.begin():
                    conn.exec_driver_sql("SELECT pg_advisory_unlock(727274)")


class Writer:
    """A write transaction of one company: holds the company's lock, allocates change numbers and queues
    deployment jobs (written to the server-wide feed at the end of the transaction)."""

    def __init__(self, conn: Connection, company_id: int, seq: int) -> None:
        self.conn = conn
        self.company_id = company_id
        self._seq = seq
        self._start = seq
        self._deployments: list[tuple[str, str | None, int | None, bool]] = []
        self.feed_seqs: list[int] = []

    def add_change(self, kind: str, item_id: str, revision: int | None, deleted: bool = False) -> int:
        self._seq += 1
        self.conn.execute(changes.insert().values(
            company_id=self.company_id, seq=self._seq, kind=kind, item_id=item_id, revision=revision,
            deleted=deleted, created_at=utcnow()))
        return self._seq

    def add_deployment(self, kind: str, number: str | None, revision: int | None, deleted: bool = False) -> None:
        """Queue a deployment job: ``("number", number, revision)`` or ``("company", None, directory rev)``;
        ``deleted``: the number was removed (nodes delete its dialplan)."""
        self._deployments.append((kind, number, revision, deleted))

    def _flush(self) -> None:
        if self._seq != self._start:
            self.conn.execute(update(companies).where(companies.c.id == self.company_id)
                              .values(change_seq=self._seq))
        if self._deployments:
            self.feed_seqs = append_feed(self.conn, self.company_id, self._deployments)


def append_feed(conn: Connection, company_id: int,
                jobs: list[tuple[str, str | None, int | None, bool]]) -> list[int]:
    """Append deployment jobs to the server-wide feed: the last statements of the transaction, because the
    counter row stays locked until the commit (so feed entries commit in ``seq`` order)."""
    top = int(conn.execute(update(deploy_feed_counter).where(deploy_feed_counter.c.id == 1)
                           .values(seq=deploy_feed_counter.c.seq + len(jobs))
                           .returning(deploy_feed_counter.c.seq)).scalar_one())
    first, now = top - len(jobs) + 1, utcnow()
    conn.execute(insert(deploy_feed), [
        {"seq": first + i, "company_id": company_id, "kind": kind, "number": number, "revision": revision,
         "deleted": deleted, "created_at": now} for i, (kind, number, revision, deleted) in enumerate(jobs)])
    return list(range(first, top + 1))


@contextmanager
def write_transaction(engine: Engine, company_id: int) -> Iterator[Writer]:
    """Serialise writers of one company; change numbers are allocated inside this transaction, so a
    reader never sees seq N+1 committed before seq N."""
    with engine.connect() as conn:
        conn.execution_options(pbxdesk_write=True)
        with conn.begin():
            row = conn.execute(select(companies.c.change_seq).where(companies.c.id == company_id)
                               .with_for_update()).one()
            writer = Writer(conn, company_id, int(row.change_seq))
            yield writer
            writer._flush()


@contextmanager
def write_connection(engine: Engine) -> Iterator[Connection]:
    """A transaction that reads and then writes (``BEGIN IMMEDIATE`` on SQLite: a deferred one that read
    first would fail with "database is locked" when another writer committed meanwhile)."""
    with engine.connect() as conn:
        conn.execution_options(pbxdesk_write=True)
        with conn.begin():
            yield conn


@contextmanager
def read_connection(engine: Engine) -> Iterator[Connection]:
    with engine.connect() as conn, conn.begin():
        yield conn
