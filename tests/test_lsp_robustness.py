"""`metadata-lint lsp` fed raw bytes: malformed framing and JSON, unknown methods, lifecycle
rules, a 10 MB document, and a client that goes away (the server exits, and never spins)."""
import json
import os
import select
import subprocess
import time

import pytest

from conftest import ROOT

URI = "file:///tmp/metadata-lint-robustness/external_domain_metadata.json"


class RawServer:
    """The server process, spoken to in raw bytes."""

    def __init__(self, binary):
        self.process = subprocess.Popen(
            [binary, "lsp", "--no-config"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT
        )
        self.buffer = b""

    def write(self, data: bytes):
        self.process.stdin.write(data)
        self.process.stdin.flush()

    def send(self, message):
        body = json.dumps(message).encode()
        self.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)

    def _fill(self, deadline):
        fd = self.process.stdout.fileno()
        remaining = deadline - time.monotonic()
        if remaining <= 0 or not select.select([fd], [], [], remaining)[0]:
            raise TimeoutError("no message from the server in time")
        chunk = os.read(fd, 1 << 20)
        if not chunk:
            raise EOFError("the server closed its output")
        self.buffer += chunk

    def receive(self, timeout=10):
        deadline = time.monotonic() + timeout
        while b"\r\n\r\n" not in self.buffer:
            self._fill(deadline)
        header, _, rest = self.buffer.partition(b"\r\n\r\n")
        length = int(header.split(b":")[1])
        self.buffer = rest
        while len(self.buffer) < length:
            self._fill(deadline)
        body, self.buffer = self.buffer[:length], self.buffer[length:]
        return json.loads(body)

    def receive_until(self, predicate, timeout=30):
        deadline = time.monotonic() + timeout
        while True:
            message = self.receive(timeout=max(0.1, deadline - time.monotonic()))
            if predicate(message):
                return message

    def request(self, id, method, params=None):
        self.send({"jsonrpc": "2.0", "id": id, "method": method, "params": params or {}})
        return self.receive_until(lambda m: m.get("id") == id)

    def initialize(self):
        reply = self.request(1, "initialize", {"capabilities": {}, "processId": None})
        assert "capabilities" in reply["result"]
        self.send({"jsonrpc": "2.0", "method": "initialized", "params": {}})

    def cpu_seconds(self):
        with open(f"/proc/{self.process.pid}/stat") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def close(self):
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait()
        for stream in (self.process.stdin, self.process.stdout, self.process.stderr):
            try:
                stream.close()
            except OSError:
                pass


@pytest.fixture
def server(binary):
    raw = RawServer(binary)
    yield raw
    raw.close()


def test_bad_content_length_is_a_parse_error_and_the_stream_recovers(server):
    server.write(b"Content-Type: application/vscode-jsonrpc\r\n\r\n")  # no Content-Length at all
    missing = server.receive()
    assert missing == {"jsonrpc": "2.0", "id": None,
                       "error": {"code": -32700, "message": "header block without a Content-Length"}}
    server.write(b"Content-Length: twelve\r\n\r\n{}")
    error = server.receive()
    assert (error["id"], error["error"]["code"]) == (None, -32700)
    assert error["error"]["message"] == "Content-Length is not a non-negative integer: twelve"
    # Bytes up to the next "Content-Length:" are skipped; the next well-framed message is understood.
    server.write(b"garbage\r\n")
    server.initialize()


def test_invalid_json_and_non_objects(server):
    server.write(b"Content-Length: 9\r\n\r\n{not json")
    error = server.receive()
    assert (error["id"], error["error"]["code"]) == (None, -32700)
    for body in (b"[1,2,3]", b"42", b'"text"', b"null"):
        server.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        reply = server.receive()
        assert (reply["id"], reply["error"]["code"]) == (None, -32600), body
    server.send({"jsonrpc": "2.0", "id": {"an": "object"}, "method": "shutdown"})
    assert server.receive()["error"]["code"] == -32600
    server.send({"jsonrpc": "2.0", "id": 7, "method": 12})
    assert server.receive() == {"jsonrpc": "2.0", "id": 7, "error": {"code": -32600, "message": '"method" must be a string'}}


def test_lifecycle_rules_and_unknown_methods(server):
    before = server.request(5, "textDocument/hover", {})
    assert before["error"]["code"] == -32002  # not initialized
    server.initialize()
    unknown = server.request(6, "textDocument/semanticTokens/full", {"textDocument": {"uri": URI}})
    assert unknown["error"] == {"code": -32601, "message": "method not found: textDocument/semanticTokens/full"}
    server.send({"jsonrpc": "2.0", "method": "custom/unknownNotification", "params": {}})
    server.send({"jsonrpc": "2.0", "method": "$/cancelRequest", "params": {"id": 99}})
    bad_params = server.request(8, "textDocument/hover", {"textDocument": {}})
    assert bad_params["error"]["code"] == -32602  # and no reply came for the notifications before it
    assert server.request(9, "textDocument/hover", {"textDocument": {"uri": URI}, "position": {"line": 0, "character": 0}})["result"] is None
    assert server.request(10, "shutdown")["result"] is None
    after = server.request(11, "textDocument/hover", {"textDocument": {"uri": URI}, "position": {"line": 0, "character": 0}})
    assert after["error"]["code"] == -32600
    server.send({"jsonrpc": "2.0", "method": "exit"})
    assert server.process.wait(timeout=5) == 0


def test_exit_without_shutdown_is_exit_code_one(server):
    server.initialize()
    server.send({"jsonrpc": "2.0", "method": "exit"})
    assert server.process.wait(timeout=5) == 1


def big_metadata(size):
    """A valid metadata document of about `size` bytes (long descriptions, one field a line, so
    the protocol and position paths see the whole size), with one planted finding at its end."""
    description = "Documentation of this field. " * 36
    parts = []
    total = 0
    n = 0
    while total < size:
        fields = ",\n".join(
            f'        "field_{k}": {{ "type": "text", "description": "{description}" }}' for k in range(10)
        )
        part = f'    "type_{n}": {{\n      "fields": {{\n{fields}\n      }}\n    }}'
        parts.append(part)
        total += len(part) + 2
        n += 1
    parts.append('    "last": { "category": "missing", "fields": {} }')
    return '{\n  "record_types": {\n' + ",\n".join(parts) + "\n  }\n}\n", n


def test_ten_megabyte_document(server):
    server.initialize()
    text, count = big_metadata(10 * 1024 * 1024)
    assert len(text) >= 10 * 1024 * 1024
    started = time.monotonic()
    server.send({"jsonrpc": "2.0", "method": "textDocument/didOpen",
                 "params": {"textDocument": {"uri": URI, "languageId": "json", "version": 1, "text": text}}})
    published = server.receive_until(lambda m: m.get("method") == "textDocument/publishDiagnostics", timeout=120)
    elapsed = time.monotonic() - started
    codes = [d["code"] for d in published["params"]["diagnostics"]]
    assert codes == ["undeclared-category"], codes
    last_line = text.count("\n") - 3
    assert published["params"]["diagnostics"][0]["range"]["start"] == {"line": last_line, "character": 26}
    hover = server.request(20, "textDocument/hover", {"textDocument": {"uri": URI}, "position": {"line": last_line, "character": 8}})
    assert "record type `last`" in hover["result"]["contents"]["value"]
    print(f"10 MB document ({count} record types): diagnostics after {elapsed:.2f} s")


def test_client_that_disappears_leaves_no_busy_loop(server):
    server.initialize()
    server.send({"jsonrpc": "2.0", "method": "textDocument/didOpen",
                 "params": {"textDocument": {"uri": URI, "languageId": "json", "version": 1, "text": '{"record_types": {}}'}}})
    server.receive_until(lambda m: m.get("method") == "textDocument/publishDiagnostics")
    idle_start = server.cpu_seconds()
    time.sleep(1.0)
    idle = server.cpu_seconds() - idle_start
    assert idle < 0.05, f"the idle server used {idle:.3f} s of CPU in 1 s"
    # A change, then the client vanishes before the debounced check runs.
    server.send({"jsonrpc": "2.0", "method": "textDocument/didChange",
                 "params": {"textDocument": {"uri": URI, "version": 2}, "contentChanges": [{"text": "{"}]}})
    started = time.monotonic()
    server.process.stdin.close()
    code = server.process.wait(timeout=5)
    assert time.monotonic() - started < 2
    assert code == 1  # no shutdown was asked for
