"""Serve the demo store on loopback, in a background thread or in the foreground."""

from __future__ import annotations

import base64
import hmac
import logging
import threading
from collections.abc import Callable, Iterable
from types import TracebackType
from typing import Any

from werkzeug.serving import BaseWSGIServer, make_server

from auditor.demo_store.app import create_app
from auditor.demo_store.flaws import Flaws
from auditor.demo_store.provider import create_provider
from auditor.errors import AuditorError, ExitCode


class StoreServer:
    """The demo store on 127.0.0.1 (port 0 picks a free port); a context manager.

    with StoreServer(parse_flaws(["broken-search"])) as store:
        audit(store.url)
    """

    def __init__(self, flaws: Flaws | None = None, port: int = 0, theme: str = "classic",
                 log_requests: bool = False, catalogue: str = "standard",
                 basic_auth: tuple[str, str] | None = None, card_provider: bool = False) -> None:
        logging.getLogger("werkzeug").setLevel(logging.INFO if log_requests else logging.WARNING)
        # The payment provider's hosted card fields come from another site (localhost, not
        # 127.0.0.1): cross-origin frames in their own renderer, as a real provider's are.
        self._provider = make_server("127.0.0.1", 0, create_provider(), threaded=True) \
            if card_provider else None
        provider = f"http://localhost:{self._provider.server_port}" if self._provider else None
        app = self.app = create_app(flaws, theme, catalogue, provider)
        try:
            self._server: BaseWSGIServer = make_server(
                "127.0.0.1", port, behind_basic_auth(app, basic_auth) if basic_auth else app,
                threaded=True)
        except OSError as exc:
            raise AuditorError(
                f"cannot serve the demo store on 127.0.0.1:{port}: {exc.strerror}; "
                "pick another --port (0 picks a free one)", ExitCode.USAGE
            ) from None
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_port}"

    def start(self) -> StoreServer:
        if self._provider:
            threading.Thread(target=self._provider.serve_forever, daemon=True).start()
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()
        return self

    def serve_forever(self) -> None:
        if self._provider:
            threading.Thread(target=self._provider.serve_forever, daemon=True).start()
        self._server.serve_forever()

    def stop(self) -> None:
        for server in filter(None, (self._server, self._provider)):
            server.shutdown()
            server.server_close()
        if self._thread:
            self._thread.join(timeout=5)

    def __enter__(self) -> StoreServer:
        return self.start()

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.stop()


def behind_basic_auth(app: Callable[..., Iterable[bytes]],
                      credentials: tuple[str, str]) -> Callable[..., Iterable[bytes]]:
    """The store as a staging site: a request without these credentials gets a 401."""
    expected = "Basic " + base64.b64encode(":".join(credentials).encode()).decode()

    def guarded(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        if hmac.compare_digest(environ.get("HTTP_AUTHORIZATION", ""), expected):
            return app(environ, start_response)
        start_response("401 Unauthorized", [("WWW-Authenticate", 'Basic realm="staging"'),
                                            ("Content-Type", "text/plain; charset=utf-8")])
        return [b"This staging store asks for a login."]
    return guarded
