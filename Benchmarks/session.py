#!/usr/bin/env python3
"""Signs in as a demo user (password + TOTP) and prints what the benchmark
needs as shell assignments: the Cookie header, the CSRF form token, and ids
from the signed-in user's pages (a household on their worklist, a goal, a
service that accepts referrals)."""
import base64, hashlib, hmac, http.cookiejar, json, re, struct, sys, time, urllib.parse, urllib.request

base, username, password, secret = sys.argv[1:5]


def totp(secret):
    key = base64.b32decode(secret + "=" * (-len(secret) % 8))
    digest = hmac.new(key, struct.pack(">Q", int(time.time() // 30)), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    return f"{(struct.unpack('>I', digest[offset:offset + 4])[0] & 0x7FFFFFFF) % 1_000_000:06d}"


jar = http.cookiejar.CookieJar()
opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))


def get(path):
    return opener.open(base + path).read().decode()


def post(path, form):
    page = get(path if not path.startswith("/login") else path)
    token = re.search(r'name="_csrf" value="([^"]+)"', page).group(1)
    return opener.open(base + path, urllib.parse.urlencode({**form, "_csrf": token}).encode()).read().decode()


post("/login", {"username": username, "password": password})
post("/login/second-factor", {"code": totp(secret)})
worklist = get("/worklist")
household = re.search(r'href="/households/([0-9A-Fa-f-]{36})"', worklist).group(1)
plan = get(f"/households/{household}")
goal = re.search(rf'/households/{household}/goals/([0-9A-Fa-f-]{{36}})', plan)
csrf = re.search(r'name="_csrf" value="([^"]+)"', plan).group(1)
cookie = "; ".join(f"{c.name}={c.value}" for c in jar)
service = ""
if goal:
    new = get(f"/households/{household}/goals/{goal.group(1)}/referrals/new")
    found = re.search(r'service_id=([0-9A-Fa-f-]{36})', new)
    service = found.group(1) if found else ""
print(f"COOKIE='{cookie}'")
print(f"CSRF='{csrf}'")
print(f"HOUSEHOLD='{household}'")
print(f"GOAL='{goal.group(1) if goal else ''}'")
print(f"SERVICE='{service}'")
