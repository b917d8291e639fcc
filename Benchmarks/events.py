#!/usr/bin/env python3
"""Makes N real events for the monitor's refresh benchmark: referrals POSTed
through the referral form, taking turns over the households in POSTS (the
"path body" lines session.py printed), signed in with COOKIE. Prints how
many the server accepted (303), so the refresh that follows is measured
after a known number of changes.

    COOKIE=… POSTS=… Benchmarks/events.py BASE_URL [N]   (default 1000)"""
import os, sys, urllib.error, urllib.request

base = sys.argv[1]
count = int(sys.argv[2]) if len(sys.argv) > 2 else 1000
posts = [line.split(" ", 1) for line in os.environ["POSTS"].splitlines() if " " in line]
if not posts:
    sys.exit("events.py: no POSTS to send")


class Keep(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args):
        return None


opener = urllib.request.build_opener(Keep())
accepted = 0
for turn in range(count):
    path, body = posts[turn % len(posts)]
    request = urllib.request.Request(base + path, body.encode(), {
        "Cookie": os.environ["COOKIE"], "Content-Type": "application/x-www-form-urlencoded"})
    try:
        opener.open(request)
    except urllib.error.HTTPError as answer:
        accepted += answer.code == 303
print(accepted)
