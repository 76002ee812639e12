"""The Wagtail admin driven over real HTTP, for tests against running servers (gunicorn or
runserver in another process) where the test client cannot reach."""

import requests

from tests.support import processes


class AdminSession:
    """An editor's browser session on one instance's admin over real HTTP: the cookies (session,
    CSRF) that the server sets are kept and sent back, the CSRF token goes with every POST."""

    def __init__(self, server: processes.Server, username: str, password: str):
        self.base = server.base_url
        self.http = requests.Session()
        self.http.get(f"{self.base}/admin/login/", timeout=30).raise_for_status()
        answer = self.post(
            "/admin/login/", {"username": username, "password": password, "next": "/admin/"}
        )
        assert answer.status_code == 302, answer.text[:2000]
        assert answer.headers["Location"] == "/admin/", answer.headers["Location"]

    def get(self, path: str) -> requests.Response:
        answer = self.http.get(self.base + path, timeout=30, allow_redirects=False)
        assert answer.status_code == 200, (path, answer.status_code, answer.text[:2000])
        return answer

    def post(self, path: str, data, files=None) -> requests.Response:
        return self.http.post(
            self.base + path,
            data=data,
            files=files,
            headers={"X-CSRFToken": self.http.cookies["csrftoken"]},
            timeout=60,
            allow_redirects=False,
        )
