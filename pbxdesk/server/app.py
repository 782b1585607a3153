"""The FastAPI application of the reference provisioning service (SPEC §8)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI
from sqlalchemy import Engine

from pbxdesk import __version__
from pbxdesk.audio.tts import EspeakEngine
from pbxdesk.fleet import routes as fleet_routes
from pbxdesk.server import routes_feed, routes_health, routes_media, routes_numbers, routes_problems
from pbxdesk.server.context import API_PREFIX, ServerConfig, ServerContext
from pbxdesk.server.database import open_engine
from pbxdesk.server.mediafiles import import_legacy_masters
from pbxdesk.server.middleware import AccessLogMiddleware, BodyLimitMiddleware
from pbxdesk.server.openapi import build_openapi
from pbxdesk.server.problems import install_handlers

DESCRIPTION = ("The provisioning API the pbxdesk desktop app syncs with: routing documents per number "
               "(ETag / If-Match), revisions, the company directory, media, TTS preview, a change feed and "
               "where each revision is live; and the deployment feed the Asterisk node agents follow. "
               "Errors are application/problem+json.")


def build_context(config: ServerConfig, engine: Engine | None = None) -> ServerContext:
    engine = engine or open_engine(config.data_dir, config.database_url)
    import_legacy_masters(engine, config.media_dir)
    tts = EspeakEngine(config.data_dir / "tts-cache")
    return ServerContext(config=config, engine=engine, tts=tts)


def start_local_agent(ctx: ServerContext) -> None:
    """The in-process node agent of ``pbxdesk serve`` (deploys into ``DATA/asterisk/``); idempotent."""
    if ctx.config.deploy and ctx.agent is None:
        from pbxdesk.fleet.inprocess import LocalAgent

        ctx.agent = LocalAgent.start(ctx)


def stop_local_agent(ctx: ServerContext) -> None:
    if ctx.agent is not None:
        ctx.agent.stop()
        ctx.agent = None


def create_app(config: ServerConfig, engine: Engine | None = None,
               extra_routes: Any | None = None) -> FastAPI:
    """The ASGI app; ``extra_routes`` (an APIRouter) is mounted at the root (the benchmark's echo).
    While it is served, the in-process node agent runs (unless ``config.deploy`` is off)."""
    ctx = build_context(config, engine)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        start_local_agent(ctx)
        try:
            yield
        finally:
            stop_local_agent(ctx)

    app = FastAPI(title="pbxdesk provisioning API", version=__version__, description=DESCRIPTION,
                  openapi_url=f"{API_PREFIX}/openapi.json", docs_url=f"{API_PREFIX}/docs", redoc_url=None,
                  lifespan=lifespan)
    app.state.ctx = ctx
    install_handlers(app)
    for module in (routes_numbers, routes_problems, routes_feed, routes_media, routes_health, fleet_routes):
        app.include_router(module.router, prefix=API_PREFIX)
    if extra_routes is not None:
        app.include_router(extra_routes)
    app.add_middleware(BodyLimitMiddleware, default_limit=config.max_body_bytes,
                       limits={f"{API_PREFIX}/media": config.max_media_bytes})
    app.add_middleware(AccessLogMiddleware)
    app.openapi = lambda: build_openapi(app)  # type: ignore[method-assign]
    return app
