#!/usr/bin/env python3
"""Signs in as a demo user (password + TOTP) and prints what the benchmark
needs as shell assignments: the Cookie header, the CSRF form token, and ids
from the signed-in user's pages (a household on their worklist, a goal, and
the body of a referral from that goal that is really accepted: one the
consent gate lets through, so the benchmark times a write, not a refusal)."""
import base64, hashlib, hmac, http.cookiejar, json, re, struct, sys, time, urllib.error, urllib.parse, urllib.request

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
referral = ""
if goal:
    form = f"/households/{household}/goals/{goal.group(1)}/referrals"
    new = get(form + "/new")
    # Services of the social map first, then organisations; the first that
    # the referral form accepts (303) is the one the benchmark posts to.
    targets = [("service_id", t) for t in dict.fromkeys(re.findall(r'service_id=([0-9A-Fa-f-]{36})', new))]
    targets += [("organization_id", t) for t in re.findall(r'<option value="([0-9A-Fa-f-]{36})">', new)]
    no_redirect = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), type("Keep", (urllib.request.HTTPRedirectHandler,), {"redirect_request": lambda *a: None})())
    for field, target in targets:
        page = get(f"{form}/new?{field}={target}")
        domains = re.findall(r'name="domains\[\]" value="([a-z_]+)" checked', page) or re.findall(r'name="domains\[\]" value="([a-z_]+)"', page)[:1]
        if not domains:
            continue
        body = urllib.parse.urlencode([(field, target)] + [("domains[]", d) for d in domains] + [("message", "Benchmark"), ("send", "send")])
        try:
            no_redirect.open(base + form, (body + "&_csrf=" + csrf).encode())
        except urllib.error.HTTPError as answer:
            if answer.code == 303:
                referral = body
                break
print(f"COOKIE='{cookie}'")
print(f"CSRF='{csrf}'")
print(f"HOUSEHOLD='{household}'")
print(f"GOAL='{goal.group(1) if goal else ''}'")
print(f"REFERRAL_BODY='{referral}'")
