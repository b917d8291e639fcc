-- wrk script: requests with the session cookie (a urlencoded POST when BODY
-- is set), as users who each wait a random think time (mean THINK_MS,
-- exponential) between their requests. The server then sees a steady load
-- below its limit, so latency shows the work and a little queueing, not the
-- queue that 32 connections without a pause build up.
wrk.headers["Cookie"] = os.getenv("COOKIE")
local body = os.getenv("BODY")
if body and body ~= "" then
  wrk.method = "POST"
  wrk.body = body
  wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
end
local think = tonumber(os.getenv("THINK_MS"))
local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("seed", threads)
end

function init(args)
  math.randomseed(os.time() * 1000 + seed)
end

function delay()
  return -think * math.log(1 - math.random())
end
