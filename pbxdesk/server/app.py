"""The FastAPI application of the reference provisioning service (SPEC §8)."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from sqlalchemy import Engine

from pbxdesk import __version__
from pbxdesk.audio.tts import EspeakEngine
from pbxdesk.server import routes_feed, routes_media, routes_numbers
from pbxdesk.server.context import API_PREFIX, ServerConfig, ServerContext
from pbxdesk.server.database import open_engine
from pbxdesk.server.deploy import DeployHook, make_deployer
from pbxdesk.server.middleware import AccessLogMiddleware, BodyLimitMiddleware
from pbxdesk.server.openapi import build_openapi
from pbxdesk.server.problems import install_handlers

DESCRIPTION = ("The provisioning API the pbxdesk desktop app syncs with: routing documents per number "
               "(ETag / If-Match), revisions, the company directory, media, TTS preview and a change feed. "
               "Errors are application/problem+json.")


def build_context(config: ServerConfig, engine: Engine | None = None) -> ServerContext:
    engine = engine or open_engine(config.data_dir, config.database_url)
    config.media_dir.mkdir(parents=True, exist_ok=True)
    tts = EspeakEngine(config.data_dir / "tts-cache")
    ctx = ServerContext(config=config, engine=engine, tts=tts)
    if config.deploy:
        deployer = make_deployer(config.asterisk_dir, tts, ctx.media_path, config.reload_command,
                                 config.asterisk_settings)
        ctx.deployer = DeployHook(engine, deployer)
    return ctx


def create_app(config: ServerConfig, engine: Engine | None = None,
               extra_routes: Any | None = None) -> FastAPI:
    """The ASGI app; ``extra_routes`` (an APIRouter) is mounted at the root (the benchmark's echo)."""
    ctx = build_context(config, engine)
    app = FastAPI(title="pbxdesk provisioning API", version=__version__, description=DESCRIPTION,
                  openapi_url=f"{API_PREFIX}/openapi.json", docs_url=f"{API_PREFIX}/docs", redoc_url=None)
    app.state.ctx = ctx
    install_handlers(app)
    for module in (routes_numbers, routes_feed, routes_media):
        app.include_router(module.router, prefix=API_PREFIX)
    if extra_routes is not None:
        app.include_router(extra_routes)
    app.add_middleware(BodyLimitMiddleware, default_limit=config.max_body_bytes,
                       limits={f"{API_PREFIX}/media": config.max_media_bytes})
    app.add_middleware(AccessLogMiddleware)
    app.openapi = lambda: build_openapi(app)  # type: ignore[method-assign]
    return app
