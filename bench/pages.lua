-- Cycles through the portal's public pages and API, in both languages (bench/mix.lua without its 404 page).
local paths = {
  "/en/", "/da/", "/en/centres/", "/da/centre/munchen/", "/en/agreements/", "/da/aftaler/?q=Tyskland",
  "/en/agreements/?q=Sydkorea&funder=innovation-fund-denmark", "/en/agreements/south-korea/", "/en/countries/us/",
  "/en/contacts/", "/api/v1/agreements/?q=germany", "/api/v1/centres/", "/sitemap.xml",
}
local i = 0
request = function()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end
