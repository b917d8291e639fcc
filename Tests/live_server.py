"""What the Python suites share: TOTP codes for the demo logins, and a real
Samenspel server on the embedded default with the demo tenant."""
import base64, hashlib, hmac, json, os, pathlib, re, shutil, socket, struct, subprocess, tempfile, time, urllib.request

ROOT = pathlib.Path(__file__).resolve().parents[1]


def totp(secret: str, at: float | None = None) -> str:
    key = base64.b32decode(secret + "=" * (-len(secret) % 8))
    counter = struct.pack(">Q", int((at or time.time()) // 30))
    digest = hmac.new(key, counter, hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    code = (struct.unpack(">I", digest[offset:offset + 4])[0] & 0x7FFFFFFF) % 1_000_000
    return f"{code:06d}"


_last_step: dict[str, int] = {}


def fresh_totp(secret: str) -> str:
    """A code the server has not accepted yet: it takes each time step once, and
    one step ahead of now, so a second sign-in in the same half minute uses the
    next step and only a third waits."""
    now = int(time.time() // 30)
    step = max(now, _last_step.get(secret, now - 1) + 1)
    if step > now + 1:
        time.sleep((step - 1) * 30 - time.time() + 0.5)
    _last_step[secret] = step
    return totp(secret, at=step * 30)


def form_token(page: str):
    """The form token a page carries, or None."""
    token = re.search(r'name="_csrf" value="([^"]+)"', page)
    return token.group(1) if token else None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve(binary: str, env: dict, port: int, **popen) -> subprocess.Popen:
    """Starts `samenspel serve` on `port` and returns once /health answers."""
    process = subprocess.Popen([binary, "serve", "--port", str(port)], cwd=ROOT, env=env, **popen)
    for _ in range(150):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=1)
            return process
        except OSError:
            time.sleep(0.2)
    process.kill()
    raise RuntimeError("server did not start")


def demo_server(prefix: str):
    """Seeds the demo tenant in a fresh data directory, serves it, yields its
    base URL and logins, and cleans up; for a session-scoped fixture."""
    binary = os.environ.get("SAMENSPEL_BIN", str(ROOT / ".build/debug/samenspel"))
    data = tempfile.mkdtemp(prefix=prefix)
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env.update(SAMENSPEL_DATA_DIR=data, SAMENSPEL_BCRYPT_COST="8", LOG_LEVEL="warning")
    logins = json.loads(subprocess.run([binary, "demo", "--json"], cwd=ROOT, env=env, check=True, capture_output=True, text=True).stdout)
    port = free_port()
    process = serve(binary, env, port)
    base = f"http://127.0.0.1:{port}"
    yield {"base": base, "logins": {login["username"]: login for login in logins}, "data": data, "binary": binary, "env": env}
    process.terminate()
    process.wait(timeout=10)
    shutil.rmtree(data, ignore_errors=True)


def chromium():
    """Debian's Chromium, headless, in Dutch, driven by its chromedriver."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    options = webdriver.ChromeOptions()
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900"):
        options.add_argument(argument)
    options.add_experimental_option("prefs", {"intl.accept_languages": "nl-NL,nl"})
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    return webdriver.Chrome(service=Service(shutil.which("chromedriver") or "/usr/bin/chromedriver"), options=options)
