#!/usr/bin/env python3
"""Signs in as a demo user (password + TOTP) and prints what the benchmark
needs as shell assignments: the Cookie header, a household on their
worklist or list, and POSTS: referrals to create, as "path body"
lines, one per household for up to 16 of them. Each is really accepted (the
consent gate lets it through), so the benchmark times a write, not a refusal."""
import base64, hashlib, hmac, http.cookiejar, json, os, re, struct, sys, time, urllib.error, urllib.parse, urllib.request

from items import shown

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
try:
    post("/login/second-factor", {"code": totp(secret)})
except urllib.error.HTTPError:
    # This window's code was used already (a sign-in moments before): wait for the next.
    time.sleep(31 - time.time() % 30)
    post("/login/second-factor", {"code": totp(secret)})
cookie = "; ".join(f"{c.name}={c.value}" for c in jar)
try:
    worklist = get("/worklist")
except urllib.error.HTTPError:
    # Someone without households (the analyst): the session is all there is.
    print(f"COOKIE='{cookie}'")
    sys.exit(0)
# The worklist lists the households this user is the contact for; the
# households list has the organisation's others.
households = list(dict.fromkeys(re.findall(r'href="/households/([0-9A-Fa-f-]{36})"', worklist + get("/households"))))


# The plan page measured is the first household whose page shows as many
# items as PLAN_ITEMS asks (or the nearest), so sizes compare like with like:
# the household on top of the list differs between them. It is chosen after
# the 16 that referrals are POSTed to, so measuring those does not grow it.
target = int(os.environ.get("PLAN_ITEMS", "21"))
household = min(households[16:36] or households[:20], key=lambda h: abs(shown(get(f"/households/{h}")) - target))
csrf = re.search(r'name="_csrf" value="([^"]+)"', worklist).group(1)  # the sign-out form's
no_redirect = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), type("Keep", (urllib.request.HTTPRedirectHandler,), {"redirect_request": lambda *a: None})())


def accepted_referral(household):
    """The form path and body of a referral from one of the household's
    goals that the referral form accepts (303), or None."""
    try:
        goal = re.search(rf'/households/{household}/goals/([0-9A-Fa-f-]{{36}})', get(f"/households/{household}"))
        form = goal and f"/households/{household}/goals/{goal.group(1)}/referrals"
        new = form and get(form + "/new")
    except urllib.error.HTTPError:  # no consent yet, or a goal this user may not refer from
        return None
    if not new:
        return None
    # Services of the social map first, then organisations.
    targets = [("service_id", t) for t in dict.fromkeys(re.findall(r'service_id=([0-9A-Fa-f-]{36})', new))]
    targets += [("organization_id", t) for t in re.findall(r'<option value="([0-9A-Fa-f-]{36})">', new)]
    for field, target in targets[:10]:
        page = get(f"{form}/new?{field}={target}")
        domains = re.findall(r'name="domains\[\]" value="([a-z_]+)" checked', page) or re.findall(r'name="domains\[\]" value="([a-z_]+)"', page)[:1]
        if not domains:
            continue
        body = f"_csrf={csrf}&" + urllib.parse.urlencode([(field, target)] + [("domains[]", d) for d in domains] + [("message", "Benchmark"), ("send", "send")])
        try:
            no_redirect.open(base + form, body.encode())
        except urllib.error.HTTPError as answer:
            if answer.code == 303:
                return f"{form} {body}"
    return None


# Referrals go to many households, as in real use: one household does not
# collect thousands of open referrals that its access checks then read.
# POST_FROM skips households that earlier runs on the same data already grew.
start = int(os.environ.get("POST_FROM", "0"))
posts = [post for post in map(accepted_referral, households[start:start + 16]) if post]
print(f"COOKIE='{cookie}'")
print(f"HOUSEHOLD='{household}'")
posts_text = "\n".join(posts)
print(f"POSTS='{posts_text}'")
