"""The dashboard server: ``streamlit run serve.py`` serves ``app.py`` and, before it accepts the
first visitor, computes what every page needs (:func:`dashboard.startup.warm_up`)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import streamlit as st


@asynccontextmanager
async def lifespan(_app: object) -> AsyncIterator[None]:
    # imported here, once the runtime exists, so the cached functions use the runtime's cache
    from dashboard.startup import warm_up

    await asyncio.to_thread(warm_up)
    yield


app = st.App("app.py", lifespan=lifespan)
