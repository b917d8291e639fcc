-- wrk script: POSTs the forms in POSTS, in turn, with the session cookie.
dofile("Benchmarks/posts.lua")
