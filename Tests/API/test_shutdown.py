"""Graceful shutdown: SIGTERM while requests that read the database are
running. Every request answered before the server stops is a real answer
(never a 5xx), and the process exits cleanly, without a crash report."""
import http.client, os, pathlib, shutil, signal, subprocess, sys, tempfile, threading, time

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1]))
from live_server import ROOT, free_port, serve  # noqa: E402

# A well-formed session cookie that matches no session: every request looks
# it up in the database before answering.
UNKNOWN_SESSION = "samenspel_session=" + "A" * 43


def hammer(port, stop, statuses):
    while not stop.is_set():
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        try:
            while not stop.is_set():
                connection.request("GET", "/login", headers={"Cookie": UNKNOWN_SESSION})
                response = connection.getresponse()
                response.read()
                statuses.append(response.status)
        except (OSError, http.client.HTTPException):
            time.sleep(0.01)  # the server closed the connection or no longer listens
        finally:
            connection.close()


def test_sigterm_under_load_lets_requests_finish_and_exits_cleanly():
    binary = os.environ.get("SAMENSPEL_BIN", str(ROOT / ".build/debug/samenspel"))
    data = tempfile.mkdtemp(prefix="samenspel-shutdown-")
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env.update(SAMENSPEL_DATA_DIR=data, SAMENSPEL_BCRYPT_COST="8", LOG_LEVEL="warning")
    port = free_port()
    process = serve(binary, env, port, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        stop, statuses = threading.Event(), []
        workers = [threading.Thread(target=hammer, args=(port, stop, statuses)) for _ in range(16)]
        for worker in workers:
            worker.start()
        time.sleep(2)
        served_before = len(statuses)
        process.send_signal(signal.SIGTERM)
        _, errors = process.communicate(timeout=60)
        stop.set()
        for worker in workers:
            worker.join(timeout=15)
        assert served_before > 0, "the load never reached the server"
        assert process.returncode == 0, errors[-3000:]
        assert "Backtracing" not in errors and "Fatal error" not in errors, errors[-3000:]
        assert all(status < 500 for status in statuses), sorted(set(statuses))
    finally:
        if process.poll() is None:
            process.kill()
        shutil.rmtree(data, ignore_errors=True)
