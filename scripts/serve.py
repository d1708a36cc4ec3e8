#!/usr/bin/env python3
"""Serve dist/ on loopback for the demo and the end-to-end tests.

A static server with the MIME types browsers insist on (a .wasm must be
application/wasm for streaming compilation, a module script must be a
JavaScript type), no caching (a rebuild shows at once), and a strict
Content-Security-Policy under /csp/ to prove the widget needs no inline
script or style.
"""

import argparse
import http.server
import signal
import sys
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

    def end_headers(self):
        self.send_header("Cache-Control", "no-store")
        if self.path.split("?", 1)[0].startswith("/csp/"):
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
    args = parser.parse_args()

    if not Path(args.dir).is_dir():
        sys.exit(f"serve.py: {args.dir} does not exist; run `make dist` first")
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
