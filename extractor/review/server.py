"""The review app's HTTP server: the standard library's ``ThreadingHTTPServer`` on 127.0.0.1 only.

Every request must carry the per-run token in its path (``/t/<token>/...``), assets as much
as the API, so a page of another site, which cannot know the token, can neither read nor
write through the app. Beyond that, a request is refused (403) when its ``Host`` is not this
server's own address (a DNS-rebinding name resolving to 127.0.0.1), when it carries an
``Origin`` other than the app's, or a ``Sec-Fetch-Site`` saying another site sent it; a
POST must be ``application/json`` (which a cross-site form cannot send without a preflight
the server never grants). Pages are served with a Content-Security-Policy allowing only the
app's own scripts and styles, and every text reaches the page through ``textContent``.

The API (paths below the token):

========================  ====================================================================
``GET  /``                the app (``static/index.html``); ``app.js`` and ``app.css`` beside it
``GET  api/meta``         the run's names, warnings, the gold schema, endpoint kinds
``GET  api/documents``    one row per document (counts, gold, differs)
``GET  api/document``     ``?doc_id=``: text, records, gold, comparison, the form's start
``POST api/check``        ``{doc_id, record}``: problems with their fields' paths, highlights
``POST api/save``         ``{doc_id, record, overwrite}``: writes the gold file (409 if it
                          exists and overwrite is false, 422 with problems if it breaks the format)
========================  ====================================================================
"""

from __future__ import annotations

import hmac
import json
import secrets
from collections.abc import Callable
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from typing import Any
from urllib.parse import parse_qs, urlsplit

from extractor.review.store import ENDPOINT_KINDS, DocIdRefused, GoldExists, NotFound, Review, SaveRefused

HOST = "127.0.0.1"
#: Largest request body accepted (a record of a long full text is well under it).
MAX_BODY = 16 * 1024 * 1024
_STATIC = {"": ("index.html", "text/html; charset=utf-8"), "app.js": ("app.js", "text/javascript; charset=utf-8"),
           "app.css": ("app.css", "text/css; charset=utf-8")}
_SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
                               "img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
    "Cross-Origin-Resource-Policy": "same-origin",
}


class _Refused(Exception):
    def __init__(self, status: HTTPStatus, message: str, **extra: Any):
        super().__init__(message)
        self.status, self.extra = status, extra


class ReviewServer(ThreadingHTTPServer):
    """Serves one ``Review`` on 127.0.0.1 (``port`` 0: a free port) until ``shutdown``.

    Attributes:
        token: The per-run secret every request's path must carry.
        url: The app's address, token included: what the user opens.
    """

    daemon_threads = True

    def __init__(self, review: Review, port: int = 0):
        self.review = review
        self.token = secrets.token_urlsafe(24)
        super().__init__((HOST, port), _Handler)

    @property
    def port(self) -> int:
        return int(self.server_address[1])

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.port}/t/{self.token}/"

    def allowed_hosts(self) -> set[str]:
        return {f"{HOST}:{self.port}", f"localhost:{self.port}"}


class _Handler(BaseHTTPRequestHandler):
    server: ReviewServer
    server_version = "trialx-review"
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet: the library writes nothing to stderr (BaseHTTPRequestHandler logs every request there)."""

    def do_GET(self) -> None:
        self._handle("GET")

    def do_POST(self) -> None:
        self._handle("POST")

    def _handle(self, method: str) -> None:
        try:
            self._check_sender()
            route, query = self._route()
            handler = _ROUTES.get((method, route))
            if handler is None:
                raise _Refused(HTTPStatus.NOT_FOUND, f"no {method} {route or '/'}")
            if method == "POST":
                self._send_json(HTTPStatus.OK, handler(self.server.review, self._body()))
            elif route in _STATIC:
                self._send_static(route)
            else:
                self._send_json(HTTPStatus.OK, handler(self.server.review, query))
        except _Refused as exc:
            self._send_json(exc.status, {"error": str(exc), **exc.extra})
        except NotFound as exc:
            self._send_json(HTTPStatus.NOT_FOUND, {"error": f"no document {exc.args[0]!r} in the runs"})
        except DocIdRefused as exc:
            self._send_json(HTTPStatus.BAD_REQUEST, {"error": str(exc)})
        except GoldExists as exc:
            self._send_json(HTTPStatus.CONFLICT, {"error": f"{exc} exists: overwrite it?", "exists": True})
        except SaveRefused as exc:
            self._send_json(HTTPStatus.UNPROCESSABLE_ENTITY, {"error": str(exc), "problems": exc.problems})

    def _check_sender(self) -> None:
        allowed = self.server.allowed_hosts()
        if self.headers.get("Host") not in allowed:
            raise _Refused(HTTPStatus.FORBIDDEN, "unexpected Host header: open the URL trialx review printed")
        origin = self.headers.get("Origin")
        if origin is not None and origin not in {f"http://{h}" for h in allowed}:
            raise _Refused(HTTPStatus.FORBIDDEN, "requests from another origin are refused")
        if self.headers.get("Sec-Fetch-Site", "same-origin") not in {"same-origin", "none"}:
            raise _Refused(HTTPStatus.FORBIDDEN, "requests sent by another site are refused")

    def _route(self) -> tuple[str, dict[str, list[str]]]:
        """The path below ``/t/<token>/``, and the query; a missing or wrong token is refused."""
        parts = urlsplit(self.path)
        prefix, _, rest = parts.path.removeprefix("/t/").partition("/")
        if not parts.path.startswith("/t/") or not hmac.compare_digest(prefix.encode(), self.server.token.encode()):
            raise _Refused(HTTPStatus.FORBIDDEN, "missing or wrong token: open the URL trialx review printed")
        return rest, parse_qs(parts.query)

    def _body(self) -> dict[str, Any]:
        if self.headers.get_content_type() != "application/json":
            raise _Refused(HTTPStatus.UNSUPPORTED_MEDIA_TYPE, "send JSON (Content-Type: application/json)")
        try:
            length = int(self.headers.get("Content-Length", ""))
        except ValueError:
            raise _Refused(HTTPStatus.LENGTH_REQUIRED, "Content-Length is required") from None
        if not 0 <= length <= MAX_BODY:
            raise _Refused(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, f"a request body is at most {MAX_BODY} bytes")
        try:
            body = json.loads(self.rfile.read(length))
        except ValueError:
            raise _Refused(HTTPStatus.BAD_REQUEST, "the body is not JSON") from None
        if not isinstance(body, dict) or not isinstance(body.get("doc_id"), str) \
                or not isinstance(body.get("record"), dict):
            raise _Refused(HTTPStatus.BAD_REQUEST, "expected {\"doc_id\": string, \"record\": object}")
        return body

    def _send(self, status: HTTPStatus, data: bytes, content_type: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        for name, value in _SECURITY_HEADERS.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)

    def _send_json(self, status: HTTPStatus, value: Any) -> None:
        self._send(status, json.dumps(value, ensure_ascii=False).encode("utf-8"), "application/json; charset=utf-8")

    def _send_static(self, route: str) -> None:
        name, content_type = _STATIC[route]
        self._send(HTTPStatus.OK, (resources.files("extractor.review") / "static" / name).read_bytes(), content_type)


def _doc_id(query: dict[str, list[str]]) -> str:
    values = query.get("doc_id")
    if not values:
        raise _Refused(HTTPStatus.BAD_REQUEST, "doc_id is required")
    return values[0]


def _meta(review: Review, query: dict[str, list[str]]) -> dict[str, Any]:
    from extractor.evaluation.gold import gold_schema

    return {"run": str(review.run_path), "compare": str(review.compare_path) if review.compare_path else None,
            "gold_dir": str(review.gold_dir), "warnings": review.warnings, "schema": gold_schema(),
            "kinds": ENDPOINT_KINDS}


def _save(review: Review, body: dict[str, Any]) -> dict[str, Any]:
    try:
        path = review.save(body["doc_id"], body["record"], overwrite=body.get("overwrite") is True)
    except OSError as exc:  # the gold directory cannot be written (permissions, a full disk)
        raise _Refused(HTTPStatus.INTERNAL_SERVER_ERROR, f"cannot write the gold file: {exc}") from None
    return {"saved": str(path)}


def _static(review: Review, query: dict[str, list[str]]) -> None:
    return None  # served as a file by the handler


_ROUTES: dict[tuple[str, str], Callable[[Review, Any], Any]] = {
    **{("GET", route): _static for route in _STATIC},
    ("GET", "api/meta"): _meta,
    ("GET", "api/documents"): lambda review, query: review.documents(),
    ("GET", "api/document"): lambda review, query: review.document(_doc_id(query)),
    ("POST", "api/check"): lambda review, body: review.check(body["doc_id"], body["record"]),
    ("POST", "api/save"): _save,
}
