"""A portal whose columns are all freshly updated, so that each test breaks
exactly what it checks; and a local HTTP server for external links."""

import threading
import time
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from gongkai.publishing.tests.factories import publish

TODAY = date(2026, 12, 1)
RECENT = date(2026, 11, 27)


@pytest.fixture
def fresh_portal(portal):
    """Every leaf column with an item published a few days before TODAY,
    with full metadata and on time."""
    columns = portal["columns"]
    parents = {path.rsplit("/", 1)[0] for path in columns if "/" in path}
    for path, column in columns.items():
        if path and path not in parents:
            publish(
                column,
                title=f"{column.title}的信息",
                written_on=RECENT,
                published_on=RECENT,
                summary="内容概述。",
            )
    return portal


class _Handler(BaseHTTPRequestHandler):
    hits: list[str] = []

    def _answer(self):
        _Handler.hits.append(self.path)
        if self.path.startswith("/slow"):
            time.sleep(1.5)
        status = 404 if self.path.startswith("/missing") else 200
        self.send_response(status)
        self.send_header("Content-Length", "0")
        self.end_headers()

    do_HEAD = _answer
    do_GET = _answer

    def log_message(self, *args):
        pass


@pytest.fixture
def link_server():
    _Handler.hits = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", _Handler.hits
    server.shutdown()
    server.server_close()
