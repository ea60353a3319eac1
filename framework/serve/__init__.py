"""``ogilint serve``: a local web app over the same check as ``ogilint check``, for people who never
open a terminal — a page to drop files or a folder on, and a small JSON API under ``/api/``.

One idea per module: ``names`` (an upload's shown name, and the generated name it is stored under),
``limits`` (the size and count limits of an upload, in Chinese), ``work`` (one job's check and its
outputs, run in a worker process), ``jobs`` (the process pool, each job's folder and its lifetime),
``app`` (the routes), ``server`` (binding and starting uvicorn). Starlette, uvicorn and
python-multipart come with the ``serve`` extra; nothing here is imported by ``ogilint check``.
"""
