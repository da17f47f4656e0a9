"""`metadata-lint mcp` fed raw lines: malformed JSON-RPC, unknown methods, a tool that throws,
and a client that goes away (exit, no busy loop)."""
import json
import os
import select
import subprocess
import time

import pytest

from conftest import ROOT


class RawServer:
    def __init__(self, binary):
        self.process = subprocess.Popen(
            [binary, "mcp", "--no-config"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT
        )
        self.buffer = b""

    def write(self, data: bytes):
        self.process.stdin.write(data)
        self.process.stdin.flush()

    def send(self, message):
        self.write(json.dumps(message).encode() + b"\n")

    def receive(self, timeout=10):
        deadline = time.monotonic() + timeout
        fd = self.process.stdout.fileno()
        while b"\n" not in self.buffer:
            remaining = deadline - time.monotonic()
            if remaining <= 0 or not select.select([fd], [], [], remaining)[0]:
                raise TimeoutError("no message from the server in time")
            chunk = os.read(fd, 1 << 20)
            if not chunk:
                raise EOFError("the server closed its output")
            self.buffer += chunk
        line, _, self.buffer = self.buffer.partition(b"\n")
        return json.loads(line)

    def request(self, id, method, params=None):
        self.send({"jsonrpc": "2.0", "id": id, "method": method, "params": params or {}})
        while True:
            message = self.receive()
            if message.get("id") == id:
                return message

    def initialize(self):
        reply = self.request(1, "initialize", {
            "protocolVersion": "2025-06-18", "capabilities": {}, "clientInfo": {"name": "raw", "version": "1"}})
        assert reply["result"]["serverInfo"]["name"] == "metadata-lint"
        self.send({"jsonrpc": "2.0", "method": "notifications/initialized"})

    def cpu_seconds(self):
        with open(f"/proc/{self.process.pid}/stat") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def close(self):
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait()
        for stream in (self.process.stdin, self.process.stdout, self.process.stderr):
            stream.close()


@pytest.fixture
def server(binary):
    raw = RawServer(binary)
    yield raw
    raw.close()


def test_malformed_messages_get_errors_and_the_server_goes_on(server):
    server.initialize()
    server.write(b"this is not json\n")
    assert server.receive()["error"]["code"] == -32700
    server.write(b"[]\n")
    assert server.receive()["error"]["code"] == -32600
    server.write(b'{"jsonrpc": "2.0", "id": 3, "method": "tools/call", "params": "not an object"}\n')
    assert "error" in server.receive()  # the SDK's code for it: -32603
    unknown = server.request(4, "no/such/method")
    assert unknown["error"]["code"] == -32601
    server.send({"jsonrpc": "2.0", "method": "notifications/unknown"})
    listed = server.request(5, "tools/list")
    assert len(listed["result"]["tools"]) == 9


def test_bad_arguments_are_tool_errors_not_crashes(server):
    server.initialize()
    cases = [
        ({"path": 42}, '"path" must be a string'),
        ({"path": "a.json", "text": "{}"}, 'not both'),
        ({"path": str(ROOT)}, "is a directory"),
    ]
    for n, (arguments, expected) in enumerate(cases):
        reply = server.request(10 + n, "tools/call", {"name": "validate_metadata", "arguments": arguments})
        assert reply["result"]["isError"] is True
        assert expected in reply["result"]["content"][0]["text"]
    huge_jq = server.request(20, "tools/call", {"name": "run_jq_query", "arguments": {"filter": "range(5000)", "text": "null"}})
    assert len(huge_jq["result"]["structuredContent"]["results"]) == 1000
    assert huge_jq["result"]["structuredContent"]["truncated"] is True


def test_end_of_input_exits_cleanly_without_spinning(server):
    server.initialize()
    idle_start = server.cpu_seconds()
    time.sleep(1.0)
    idle = server.cpu_seconds() - idle_start
    assert idle < 0.05, f"the idle server used {idle:.3f} s of CPU in 1 s"
    # A call still running when the client closes its end is answered before the exit.
    server.send({"jsonrpc": "2.0", "id": 30, "method": "tools/call",
                 "params": {"name": "validate_metadata", "arguments": {"path": "fixtures/example/external_domain_metadata.json"}}})
    server.process.stdin.close()
    started = time.monotonic()
    reply = server.receive()
    assert reply["id"] == 30 and reply["result"]["structuredContent"]["valid"] is True
    assert server.process.wait(timeout=5) == 0
    assert time.monotonic() - started < 3
