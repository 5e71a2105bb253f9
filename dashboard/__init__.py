"""Building blocks of the dashboard (``app.py``): labels, formatting, charts, scenario store.

Nothing here imports streamlit; ``app.py`` is the only module that does.
"""
