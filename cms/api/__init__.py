"""PROTECT Partner API v1: the read-only, cacheable JSON API partner websites build against.

The contract is ``docs/partner-api.md`` (and the shared contract it implements). This package is a
Django app (label ``partner_api``) because it owns the partner keys, the content version that
drives ETags and the response cache, and the change log behind ``/changes/``.

Layout
------
``api.py``          the NinjaAPI instance and ``ENDPOINT_MODULES``, the router registration list.
``urls.py``         what ``cms/urls.py`` includes at ``api/partner/v1/`` (ninja's URLs, the video
                    files, a JSON 404 for anything else).
``files.py``        the ``.vtt`` tracks, transcripts and video files (plain Django views, routed
                    by ``urls.py``; ``ranges.py`` serves HTTP byte ranges so players can seek).
``middleware.py``   everything that wraps every endpoint: allowed methods, HEAD, the response cache,
                    ETag/Last-Modified/304, Cache-Control, rate limits, JSON errors, 503 on outage.
``errors.py``       ``ApiError`` (raise it from an endpoint to answer a JSON 4xx).
``params.py``       reusable query parameters: ``locale``/``fallback`` (``LocaleChain``), pagination
                    (``Limit``, ``Offset``), ``choice`` for filters with fixed values.
``caching.py``      the content version, ``invalidate()`` (call it when content changes) and the
                    CDN purge.
``schemas/``        response schemas shared by endpoints (translations, images, documents, blocks).
``serializers/``    turning Wagtail objects into those schemas without N+1 queries.
``endpoints/``      one module per resource, each exposing a ninja ``Router`` named ``router``.

Adding an endpoint module
-------------------------
1. Create ``cms/api/endpoints/<resource>.py`` with ``router = Router(tags=["<Resource>"])`` and
   operations declared with ``@router.get("/<resource>/", response=..., operation_id=...)``.
   Paths are relative to ``/api/partner/v1/`` and end with a slash.
2. Add ``"cms.api.endpoints.<resource>"`` to ``ENDPOINT_MODULES`` in ``cms/api/api.py``.
3. Use the shared pieces so every endpoint behaves the same:

   - ``chain: LocaleChain = Query(...)`` via ``params.locale_chain(request, locale, fallback)``;
     call ``params.served(request, code)`` with each locale actually served (sets
     ``Content-Language``).
   - ``limit: Limit = 20, offset: Offset = 0``; pick one row per translation group with
     ``cms.fallback.pick(rows, chain.codes)`` and answer ``{"count": len(picks), "items": …}``
     for ``picks[offset:offset + limit]``.
   - what anonymous visitors may see: ``cms.visibility`` (never filter "live" by hand).
   - ``params.choice("kind", value, allowed)`` for filters with fixed values (400 naming them).
   - ``raise ApiError(404, "not_found", "No material 12.")`` for errors; never return HTML.
   - declare every error status in ``response={200: Schema, 400: ErrorOut, 404: ErrorOut}`` so
     the OpenAPI document lists it (``schemas.common.ERRORS`` has the usual set).

   Do not set ETag, Cache-Control or cache anything yourself: the middleware does it for every
   200 under the API. When your models change, call ``cms.api.caching.invalidate()`` (models of
   apps listed in ``PARTNER_API_WATCHED_APPS`` already trigger it on save/delete).
"""
