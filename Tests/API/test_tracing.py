"""Traces (issue 26): with OTEL_EXPORTER_OTLP_ENDPOINT set, the real binary
sends OpenTelemetry spans over OTLP/HTTP (JSON here) to a receiver started by
the test — a server span per request carrying its request id, and the
database statements of that request as spans in the same trace. What was
searched for appears nowhere: not as the query string, not in a statement."""
import http.server, json, subprocess, tempfile, threading, time

from conftest import Client
from live_server import ROOT, free_port, serve


class Collector(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        self.server.requests.append((self.path, self.headers.get("Content-Type"), body))
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(b"{}")

    def log_message(self, *args):
        pass


def spans(collector):
    found = []
    for _, _, body in list(collector.requests):
        for resource in json.loads(body).get("resourceSpans", []):
            for scope in resource.get("scopeSpans", []):
                for span in scope.get("spans", []):
                    span["attrs"] = {a["key"]: next(iter(a["value"].values()), None) for a in span.get("attributes", [])}
                    found.append(span)
    return found


def test_a_request_and_its_statements_are_one_trace(server):
    collector = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Collector)
    collector.requests = []
    threading.Thread(target=collector.serve_forever, daemon=True).start()
    data = tempfile.mkdtemp(prefix="samenspel-tracing-")
    env = dict(server["env"], SAMENSPEL_DATA_DIR=data, OTEL_EXPORTER_OTLP_ENDPOINT=f"http://127.0.0.1:{collector.server_port}",
               OTEL_EXPORTER_OTLP_PROTOCOL="http/json", OTEL_BSP_SCHEDULE_DELAY="200")
    logins = {login["username"]: login for login in json.loads(
        subprocess.run([server["binary"], "demo", "--json"], cwd=ROOT, env=env, check=True, capture_output=True, text=True).stdout)}
    port = free_port()
    process = serve(server["binary"], env, port)
    try:
        client = Client(f"http://127.0.0.1:{port}")
        client.sign_in(logins["professional"])
        status, _, headers = client.get("/social-map?q=schuldsanering")
        assert status == 200
        status, _, headers = client.get("/worklist")
        assert status == 200
        for _ in range(100):
            found = spans(collector)
            if any(s["name"].endswith("/worklist") for s in found):
                break
            time.sleep(0.2)
        found = spans(collector)
        assert all(path == "/v1/traces" and kind.startswith("application/json") for path, kind, _ in collector.requests)
        server_span = next(s for s in found if s["name"].endswith("/worklist") and s["kind"] in (2, "SPAN_KIND_SERVER"))
        assert server_span["attrs"].get("samenspel.request_id"), "the request id is on the request's span"
        statements = [s for s in found if s["traceId"] == server_span["traceId"] and s is not server_span]
        assert any(s["name"].startswith("sql ") and s["attrs"].get("db.query.text") for s in statements), "its statements are in its trace"
        assert all(s["parentSpanId"] for s in statements)
        search = next(s for s in found if "social-map" in s["name"] and s["kind"] in (2, "SPAN_KIND_SERVER"))
        assert "url.query" not in search["attrs"]
        assert not any("schuldsanering" in json.dumps(s) for s in found), "what was searched for is in no span"
    finally:
        process.terminate()
        process.wait(timeout=10)
        collector.shutdown()
