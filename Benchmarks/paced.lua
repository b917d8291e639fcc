-- wrk script: requests with the session cookie (the forms in POSTS, in turn,
-- when it is set), as users who each wait a random think time (mean THINK_MS,
-- exponential) between their requests. The server then sees a steady load
-- below its limit, so latency shows the work and a little queueing, not the
-- queue that 32 connections without a pause build up.
dofile("Benchmarks/posts.lua")
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
