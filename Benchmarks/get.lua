-- wrk script: GETs with the session cookie (no redirects are followed by wrk).
wrk.headers["Cookie"] = os.getenv("COOKIE")
