"""The HTTP API and web page of `sitrep serve`: `create_app` builds the FastAPI app, `cli.register` the command."""
from __future__ import annotations

DEFAULT_MAX_BODY = 1_000_000  # bytes a POST may carry (sitrep serve --max-body)


def create_app(*args, **kwargs):
    """The FastAPI app over a store (see `sitrep.api.app.create_app`); imported lazily, as FastAPI is heavy."""
    from .app import create_app as build

    return build(*args, **kwargs)
