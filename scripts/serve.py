#!/usr/bin/env python3
"""Serve dist/ on loopback for the demo and the end-to-end tests.

A static server with the MIME types browsers insist on (a .wasm must be
application/wasm for streaming compilation, a module script must be a
JavaScript type), no caching (a rebuild shows at once), and a strict
Content-Security-Policy under /csp/ to prove the widget needs no inline
script or style.

`--mount /test=tests/e2e/pages` serves another folder under a URL prefix
(the e2e fixture pages); the policy then also applies under /test/csp/.
"""

import argparse
import http.server
import os
import posixpath
import signal
import sys
import urllib.parse
from functools import partial
from pathlib import Path

CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'"

TYPES = {
    ".wasm": "application/wasm",
    ".js": "text/javascript",
    ".mjs": "text/javascript",
    ".json": "application/json",
    ".css": "text/css",
    ".svg": "image/svg+xml",
    ".html": "text/html; charset=utf-8",
    ".png": "image/png",
    ".ico": "image/x-icon",
    ".txt": "text/plain; charset=utf-8",
}


class Handler(http.server.SimpleHTTPRequestHandler):
    # Ours, not the platform's mimetypes database (which varies by machine).
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, **TYPES}
    quiet = False
    # URL prefix ("/test") -> folder, from --mount.
    mounts = {}

    def mounted(self, path):
        """(folder, rest of the path) if `path` is under a mount, else None."""
        for prefix, folder in self.mounts.items():
            if path == prefix or path.startswith(prefix + "/"):
                return folder, path[len(prefix) :] or "/"
        return None

    def translate_path(self, path):
        url_path = urllib.parse.unquote(path.split("?", 1)[0].split("#", 1)[0])
        mount = self.mounted(url_path)
        if mount is None:
            return super().translate_path(path)
        folder, rest = mount
        # The same normalisation as the base class: no way out of the folder.
        parts = [part for part in posixpath.normpath(rest).split("/") if part and part not in (".", "..")]
        result = os.path.join(folder, *parts)
        if rest.endswith("/"):
            result += "/"
        return result

    def end_headers(self):
        self.send_header("Cache-Control", "no-store")
        path = self.path.split("?", 1)[0]
        mount = self.mounted(path)
        if path.startswith("/csp/") or (mount is not None and mount[1].startswith("/csp/")):
            self.send_header("Content-Security-Policy", CSP)
        super().end_headers()

    def log_message(self, format, *args):
        if not self.quiet:
            super().log_message(format, *args)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8080, help="0 picks a free port")
    parser.add_argument("--dir", default=str(Path(__file__).resolve().parent.parent / "dist"))
    parser.add_argument("--quiet", action="store_true", help="no request log")
    parser.add_argument(
        "--mount",
        action="append",
        default=[],
        metavar="/PREFIX=DIR",
        help="also serve DIR under /PREFIX/ (repeatable), e.g. /test=tests/e2e/pages",
    )
    args = parser.parse_args()

    if not Path(args.dir).is_dir():
        sys.exit(f"serve.py: {args.dir} does not exist; run `make dist` first")
    for mount in args.mount:
        prefix, sep, folder = mount.partition("=")
        prefix = "/" + prefix.strip("/")
        if not sep or prefix == "/" or not Path(folder).is_dir():
            sys.exit(f"serve.py: --mount {mount}: expected /PREFIX=DIR with an existing DIR")
        Handler.mounts[prefix] = str(Path(folder).resolve())
    Handler.quiet = args.quiet
    server = http.server.ThreadingHTTPServer(("127.0.0.1", args.port), partial(Handler, directory=args.dir))
    server.daemon_threads = True

    # SIGTERM (from the tests, or `kill`) ends the server like Ctrl-C: exit 0.
    def stop(signum, frame):
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop)
    # The first line is read by the e2e helpers to learn the port.
    print(f"serving {args.dir} at http://127.0.0.1:{server.server_address[1]}/", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


if __name__ == "__main__":
    main()
