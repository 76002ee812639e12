"""Browser-test steps more than one journey takes (Playwright pages on a live server)."""


def log_in(page, base_url: str, username: str, password: str) -> None:
    """Sign in through the admin's login form, as a person would, and wait for the admin."""
    page.goto(base_url + "/admin/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.click("button[type=submit]")
    page.wait_for_url(lambda url: "/login/" not in url)
