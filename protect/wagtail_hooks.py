from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.widgets import Button

from protect.models import VideoPage
from protect.views import admin as views


@hooks.register("register_admin_urls")
def subtitle_urls():
    return [
        path("videos/<int:page_id>/subtitles/", views.subtitles, name="protect_subtitles"),
        path(
            "videos/<int:page_id>/subtitles/<str:language>.<str:fmt>",
            views.download,
            name="protect_subtitles_download",
        ),
    ]


def _subtitles_button(page, user, priority):
    # specific_class comes from the content type: no query per listed page.
    if (
        issubclass(page.specific_class or type(page), VideoPage)
        and page.permissions_for_user(user).can_edit()
    ):
        return Button(
            "Subtitles",
            url=reverse("protect_subtitles", args=[page.pk]),
            icon_name="openquote",
            priority=priority,
        )
    return None


@hooks.register("register_page_header_buttons")
def page_header_subtitles(page, user, view_name=None, next_url=None):
    button = _subtitles_button(page, user, priority=25)
    if button:
        yield button


@hooks.register("register_page_listing_more_buttons")
def page_listing_subtitles(page, user, next_url=None):
    button = _subtitles_button(page, user, priority=12)
    if button:
        yield button
