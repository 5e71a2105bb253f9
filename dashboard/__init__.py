"""Building blocks of the dashboard (``app.py`` and ``app_pages/``).

Pure modules (no streamlit): ``charts`` (Altair), ``geo`` (map data and the outline of the
Netherlands), ``region`` (key figures, attention items), ``story`` (the edited agreement shares),
``summaries`` (per-hospital summaries, comparison of saved scenarios), ``store`` (SQLite),
``formatting``. Streamlit lives in ``state`` (the one place that caches) and ``widgets``.
"""
