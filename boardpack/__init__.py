"""The board pack (issue 19, item 1): a PDF of two to four A4 pages for a hospital board — the
region today, the plan, who gains and who loses with the terms and compensation, and what is at
risk — in the reader's language.

:mod:`boardpack.content` gathers the figures as plain data, :mod:`boardpack.pictures` renders
the dashboard's own Altair charts to PNG without a browser, :mod:`boardpack.sections` turns
both into the document's sections (one function a section) and :mod:`boardpack.pdf` lays them
out on A4 with a footer on every page.
"""
