-- Shared by the wrk scripts: when POSTS is set ("path body" lines), each
-- request POSTs the next of them as a urlencoded form, taking turns, so
-- writes spread over many households as in real use.
local posts = {}
for line in (os.getenv("POSTS") or ""):gmatch("[^\n]+") do
  local path, body = line:match("^(%S+) (%S+)$")
  if path then posts[#posts + 1] = { path = path, body = body } end
end

wrk.headers["Cookie"] = os.getenv("COOKIE")
if #posts > 0 then
  wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
  local turn = 0
  request = function()
    turn = turn % #posts + 1
    return wrk.format("POST", posts[turn].path, nil, posts[turn].body)
  end
end
