"""What the public sees outside the partner API: the embeddable player
(``/embed/videos/<id>/``), the multilingual sitemap, the headers and rules every public answer
shares (``Referrer-Policy: no-referrer``, no cookies on the embed, 404 for live pages under a
withdrawn section) and the survivor-safety quick exit (``static/public_site/quick-exit.js``).

It sits beside ``cms.api`` in the layers: it reads content through ``cms.visibility`` and
``protect.tracks`` and builds API URLs from their names, never importing the API.
"""
