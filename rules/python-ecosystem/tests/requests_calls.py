import requests
from requests import Session

url = "https://api.example.com/items"

# expect: requests-without-timeout
response = requests.get(url)
# expect: requests-without-timeout
created = requests.post(url, json={"name": "x"}, headers={"X-Token": "t"})
# expect: requests-without-timeout
requests.request("DELETE", url)
# expect: requests-without-timeout
requests.put(
    url,
    data=b"payload",
)

# ok: requests-without-timeout
response = requests.get(url, timeout=10)
# ok: requests-without-timeout
created = requests.post(url, json={}, timeout=(3.05, 27))
options = {"timeout": 5}
# ok: requests-without-timeout
requests.get(url, **options)
# ok: requests-without-timeout
session = requests.Session()
# ok: requests-without-timeout
adapter = requests.adapters.HTTPAdapter(max_retries=3)
# ok: requests-without-timeout
prepared = requests.Request("GET", url).prepare()
cache = {}
# ok: requests-without-timeout
value = cache.get("key")
# ok: requests-without-timeout
code = requests.codes.ok
