"""Drive Debian's chromium headless through the DevTools protocol over a pipe: no driver, no package.

Chromium started with ``--remote-debugging-pipe`` reads protocol commands from its file
descriptor 3 and writes replies and events to descriptor 4, each a JSON text ended by a NUL
byte. A shell wrapper hands it our pipes as 3 and 4. A reader thread sorts what comes back:
replies to the waiting command, events to a list; JavaScript dialogs (``confirm``) are
answered as ``accept_dialogs`` says, and recorded.

Clicks, drags and key presses go through ``Input.dispatch*Event``, so the page sees the same
events a person's mouse and keyboard make (a drag over the text makes a real selection).
Used by the browser tests and by ``docs/screenshot.py``.
"""

from __future__ import annotations

import base64
import itertools
import json
import os
import subprocess
import threading
import time
from pathlib import Path
from typing import Any

CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"]
# Hands the wrapper's stdin and stdout to chromium as descriptors 3 and 4.
_WRAPPER = 'exec "$@" 3<&0 4>&1 </dev/null >/dev/null'


class ProtocolError(RuntimeError):
    """Chromium answered a command with an error, or did not answer in time."""


class Browser:
    """A headless chromium; ``open`` gives a page. Use as a context manager (it kills the browser at exit).

    Args:
        executable: Path of chromium.
        profile: A fresh directory for its profile.
        size: Window width and height in CSS pixels.
        accept_dialogs: Answer ``confirm`` dialogs with OK (else Cancel).
    """

    def __init__(self, executable: str, profile: Path, *, size: tuple[int, int] = (1400, 900),
                 accept_dialogs: bool = True):
        self.size = size
        self.accept_dialogs = accept_dialogs
        self.dialogs: list[str] = []
        self.events: list[dict[str, Any]] = []
        self._ids = itertools.count(1)
        self._replies: dict[int, dict[str, Any]] = {}
        self._arrived = threading.Condition()
        self._write = threading.Lock()
        self.proc = subprocess.Popen(
            ["sh", "-c", _WRAPPER, "sh", executable, *CHROMIUM_FLAGS, f"--user-data-dir={profile}",
             "--remote-debugging-pipe", f"--window-size={size[0]},{size[1]}", "about:blank"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def __enter__(self) -> Browser:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait(timeout=30)
        for stream in (self.proc.stdin, self.proc.stdout):
            if stream is not None:
                stream.close()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        buffer = b""
        while chunk := os.read(self.proc.stdout.fileno(), 65536):
            buffer += chunk
            *messages, buffer = buffer.split(b"\0")
            for raw in messages:
                self._dispatch(json.loads(raw))
        with self._arrived:
            self._arrived.notify_all()

    def _dispatch(self, message: dict[str, Any]) -> None:
        if "id" in message:
            with self._arrived:
                self._replies[message["id"]] = message
                self._arrived.notify_all()
            return
        self.events.append(message)
        if message.get("method") == "Page.javascriptDialogOpening":
            self.dialogs.append(message["params"]["message"])
            self._post("Page.handleJavaScriptDialog", {"accept": self.accept_dialogs}, message.get("sessionId"))

    def _post(self, method: str, params: dict[str, Any], session: str | None) -> int:
        number = next(self._ids)
        command: dict[str, Any] = {"id": number, "method": method, "params": params}
        if session is not None:
            command["sessionId"] = session
        assert self.proc.stdin is not None
        with self._write:
            self.proc.stdin.write(json.dumps(command).encode() + b"\0")
            self.proc.stdin.flush()
        return number

    def send(self, method: str, params: dict[str, Any] | None = None, session: str | None = None,
             timeout: float = 30) -> dict[str, Any]:
        """Send one command and wait for its reply's ``result``."""
        number = self._post(method, params or {}, session)
        deadline = time.monotonic() + timeout
        with self._arrived:
            while number not in self._replies:
                left = deadline - time.monotonic()
                if left <= 0 or self.proc.poll() is not None:
                    raise ProtocolError(f"{method}: no reply from chromium")
                self._arrived.wait(left)
            reply = self._replies.pop(number)
        if "error" in reply:
            raise ProtocolError(f"{method}: {reply['error'].get('message')}")
        return reply.get("result", {})

    def open(self, url: str) -> Page:
        """A new tab showing ``url``, once its load event has fired."""
        target = self.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = self.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        page = Page(self, session)
        for domain in ("Page", "Runtime"):
            page.send(f"{domain}.enable")
        page.send("Emulation.setDeviceMetricsOverride",
                  {"width": self.size[0], "height": self.size[1], "deviceScaleFactor": 1, "mobile": False})
        page.goto(url)
        return page


class Page:
    """One tab: evaluate JavaScript, wait for a condition, click, drag, type, take a screenshot."""

    def __init__(self, browser: Browser, session: str):
        self.browser = browser
        self.session = session

    def send(self, method: str, params: dict[str, Any] | None = None) -> dict[str, Any]:
        return self.browser.send(method, params, self.session)

    def goto(self, url: str) -> None:
        seen = len(self.browser.events)
        self.send("Page.navigate", {"url": url})
        self.wait(lambda: any(e.get("method") == "Page.loadEventFired" and e.get("sessionId") == self.session
                              for e in self.browser.events[seen:]), what=f"the load of {url}")

    def eval(self, expression: str) -> Any:
        """The value of a JavaScript expression (a promise is awaited); a thrown error raises."""
        reply = self.send("Runtime.evaluate", {"expression": expression, "returnByValue": True, "awaitPromise": True})
        if "exceptionDetails" in reply:
            details = reply["exceptionDetails"]
            raise ProtocolError(f"{expression[:80]}: {details.get('exception', {}).get('description') or details}")
        return reply["result"].get("value")

    def wait(self, condition: Any, *, timeout: float = 15, what: str = "") -> Any:
        """Poll ``condition`` (a JavaScript expression, or a Python callable) until it is truthy."""
        deadline = time.monotonic() + timeout
        while True:
            value = self.eval(condition) if isinstance(condition, str) else condition()
            if value:
                return value
            if time.monotonic() > deadline:
                raise ProtocolError(f"timed out waiting for {what or condition}")
            time.sleep(0.05)

    def center(self, selector: str) -> tuple[float, float]:
        """Viewport coordinates of the middle of the first element ``selector`` matches, scrolled into view
        (of its first box: an inline element wrapped over lines has one per line)."""
        box = self.wait(f"""(() => {{ const e = document.querySelector({json.dumps(selector)});
            if (!e) return null; e.scrollIntoView({{block: "center"}}); const r = e.getClientRects()[0];
            if (!r) return null;
            return r.width && r.height ? [r.left + r.width / 2, r.top + r.height / 2] : null; }})()""",
                        what=f"a visible {selector}")
        return box[0], box[1]

    def mouse(self, kind: str, x: float, y: float, buttons: int = 1) -> None:
        self.send("Input.dispatchMouseEvent", {"type": kind, "x": x, "y": y, "button": "left",
                                               "buttons": buttons, "clickCount": 1})

    def click(self, selector: str) -> None:
        """Press and release the mouse on the middle of an element."""
        x, y = self.center(selector)
        self.mouse("mouseMoved", x, y, 0)
        self.mouse("mousePressed", x, y)
        self.mouse("mouseReleased", x, y, 0)

    def drag(self, start: tuple[float, float], end: tuple[float, float]) -> None:
        """Press at ``start``, move to ``end`` in steps, release: a person's text selection."""
        self.mouse("mouseMoved", *start, 0)
        self.mouse("mousePressed", *start)
        for step in (0.2, 0.4, 0.6, 0.8, 1.0):
            self.mouse("mouseMoved", start[0] + (end[0] - start[0]) * step, start[1] + (end[1] - start[1]) * step)
        self.mouse("mouseReleased", *end, 0)

    def type(self, text: str) -> None:
        """Type into the focused element."""
        self.send("Input.insertText", {"text": text})

    def press(self, key: str, code: int) -> None:
        """Press and release one key (``key`` as the DOM names it, ``code`` its Windows virtual key code)."""
        for kind in ("keyDown", "keyUp"):
            self.send("Input.dispatchKeyEvent", {"type": kind, "key": key, "windowsVirtualKeyCode": code})

    def screenshot(self, path: Path) -> None:
        data = self.send("Page.captureScreenshot", {"format": "png"})["data"]
        path.write_bytes(base64.b64decode(data))
