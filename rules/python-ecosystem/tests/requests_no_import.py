# httpx has default timeouts; a local object called requests is not the library.
import httpx


class Requests:
    def get(self, url):
        return url


requests = Requests()
# ok: requests-without-timeout
requests.get("https://example.com")
# ok: requests-without-timeout
httpx.get("https://example.com")
