"""The copy-paste embed of a video: the ``<iframe>`` of the public player and a script-free
fallback link. One home for the snippet: the editors' panel and the oEmbed endpoint use it.

The player itself is ``cms/public/embed.py``; its URL is built from the URL name
(``public_site:embed_video``), so content does not import the public app.
"""

from django.urls import reverse
from django.utils.html import format_html

from cms.addresses import absolute_url

WIDTH, HEIGHT = 640, 420  # 16:9 video plus the player's title, transcript toggle and links


def embed_path(page, code: str | None = None) -> str:
    path = reverse("public_site:embed_video", kwargs={"page_id": page.pk})
    return f"{path}?locale={code or page.locale.language_code}"


def size(maxwidth: int | None = None, maxheight: int | None = None) -> tuple[int, int]:
    """The snippet's size: 640×420, shrunk (keeping the ratio) to fit maxwidth/maxheight."""
    scale = min(
        1.0,
        (maxwidth / WIDTH) if maxwidth else 1.0,
        (maxheight / HEIGHT) if maxheight else 1.0,
    )
    return max(int(WIDTH * scale), 1), max(int(HEIGHT * scale), 1)


def iframe_html(page, request, code=None, maxwidth=None, maxheight=None) -> str:
    width, height = size(maxwidth, maxheight)
    return format_html(
        '<iframe src="{}" title="{}" width="{}" height="{}" style="border:0;max-width:100%" '
        'allow="fullscreen" allowfullscreen loading="lazy" referrerpolicy="no-referrer">'
        "</iframe>",
        absolute_url(request, embed_path(page, code)),
        page.title,
        width,
        height,
    )


def fallback_link_html(page, request) -> str:
    """For places that drop iframes (newsletters, feeds): a plain link to the video page."""
    return format_html(
        '<a href="{}">{}</a>', absolute_url(request, page.get_url(request)), page.title
    )


def snippet(page, request, code=None) -> str:
    return f"{iframe_html(page, request, code)}\n<p>{fallback_link_html(page, request)}</p>"
