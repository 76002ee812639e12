"""A webhook receiver for tests: a real HTTP endpoint on loopback."""

import json
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer


class Receiver:
    """A real HTTP endpoint on localhost that records what it gets; can be 'down' (503)."""

    def __init__(self):
        self.received = []
        self.up = True
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers["Content-Length"]))
                if not receiver.up:
                    self.send_response(503)
                    self.end_headers()
                    return
                receiver.received.append((dict(self.headers), body))
                self.send_response(204)
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = HTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}/hook"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def events(self):
        return [json.loads(body) for _, body in self.received]
