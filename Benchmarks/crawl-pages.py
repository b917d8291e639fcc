#!/usr/bin/env python3
"""Crawls every page each demo user reaches (same-site GET links, up to 40 a
user) and saves them with tokens, times and request ids blanked, so two builds
serving copies of the same data directory can be compared with `diff -r`:

    Benchmarks/crawl-pages.py http://127.0.0.1:PORT logins.json OUT_DIR

logins.json is what `samenspel demo --json` printed for that data."""
import http.cookiejar, json, os, re, sys, urllib.parse, urllib.request

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "Tests"))
from live_server import fresh_totp
base, logins_file, out = sys.argv[1:4]
logins = json.load(open(logins_file))
os.makedirs(out, exist_ok=True)
def norm(html):
    html = re.sub(r'name="_csrf" value="[^"]+"', 'name="_csrf" value="X"', html)
    html = re.sub(r'\d{2}:\d{2}(:\d{2})?', 'HH:MM', html)
    html = re.sub(r'<code>[0-9A-F-]{36}</code></p>', '<code>request-id</code></p>', html)
    return html
for login in logins:
    user = login["username"]
    jar = http.cookiejar.CookieJar()
    op = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    def get(p): return op.open(base + p).read().decode()
    def post(p, form):
        page = get(p); tok = re.search(r'name="_csrf" value="([^"]+)"', page).group(1)
        return op.open(base + p, urllib.parse.urlencode({**form, "_csrf": tok}).encode()).read().decode()
    post("/login", {"username": user, "password": login["password"]})
    if login.get("totp_secret"):
        post("/login/second-factor", {"code": fresh_totp(login["totp_secret"])})
    seen, queue = set(), ["/"]
    while queue and len(seen) < 40:
        p = queue.pop(0)
        if p in seen: continue
        seen.add(p)
        try: html = get(p)
        except Exception as e: html = f"ERROR {e}"
        name = f"{user}{p}".replace("/", "_").replace("?", "_")[:150]
        open(f"{out}/{name}.html", "w").write(norm(html))
        for link in re.findall(r'href="(/[^"#]*)"', html):
            link = link.replace("&amp;", "&")
            if any(x in link for x in ("lang=", "logout", ".css", ".svg", "my-data", "export", "page=")): continue
            if link not in seen: queue.append(link)
    print(user, len(seen))
