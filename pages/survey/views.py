"""The survey endpoint and its thank-you page.

Public pages are cached and served without cookies, so the form carries no
CSRF token. The endpoint protects itself instead: the request must come from
one of the site's own pages (Origin, or failing that Referer), each client
address may answer only so often (SURVEY_RATE_LIMIT per address, sized for
many people behind one address, and SURVEY_PAGE_RATE_LIMIT per address and
page; counted in the cache, and only for answers that are stored), and a
honeypot field catches simple bots.
"""

from urllib.parse import urlencode, urlsplit

from django.conf import settings
from django.core.exceptions import BadRequest, SuspiciousOperation
from django.http import HttpResponseRedirect, JsonResponse
from django.http.multipartparser import MultiPartParserError
from django.http.request import split_domain_port, validate_host
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST, require_safe

from . import paths, ratelimit
from .forms import SurveyForm

# Three answers and 500 characters of comment, percent-encoded, fit easily.
MAX_BODY_BYTES = 16 * 1024

MESSAGES = {
    "thanks": _("Thank you for your answer. It helps us improve this page."),
    "cross_site": _("This answer was not sent from a page of this site, so it was not accepted."),
    "too_many": _(
        "You have sent many answers in a short time. Please wait a few minutes and try again."
    ),
    "too_large": _("The answer is too large to be accepted."),
    "malformed": _("The answer could not be read. Please send it again from the page."),
}


def wants_json(request) -> bool:
    return "application/json" in request.headers.get("Accept", "")


def is_same_site(request) -> bool:
    """Whether the request was sent from one of the site's own pages.

    Browsers send Origin with a POST (fetch or form); older ones send only
    Referer. With neither, the request is refused.
    """
    source = request.headers.get("Origin") or request.headers.get("Referer")
    if not source or source == "null":
        return False
    try:
        parts = urlsplit(source)
        hostname = parts.hostname
    except ValueError:
        return False
    if parts.scheme not in ("http", "https") or not hostname:
        return False
    if request.is_secure() and parts.scheme != "https":
        return False
    if parts.netloc.lower() == request.get_host().lower():
        return True
    if f"{parts.scheme}://{parts.netloc}" in settings.CSRF_TRUSTED_ORIGINS:
        return True
    own_hosts = [host for host in settings.ALLOWED_HOSTS if host != "*"]
    domain, _port = split_domain_port(parts.netloc)
    return bool(domain) and validate_host(domain, own_hosts)


def _page_link(page) -> str:
    return paths.in_current_language(page) if page and paths.is_public_page(page) else ""


def failure(request, status, errors, page="", sent=None):
    """A 4xx answer: JSON for the script, a page in the visitor's language otherwise.

    ``sent``: what the visitor sent, shown again in the form (their comment is kept).
    """
    errors = {field: [str(message) for message in messages] for field, messages in errors.items()}
    if wants_json(request):
        response = JsonResponse({"ok": False, "errors": errors}, status=status)
    else:
        context = {
            "status": status,
            "messages_list": [m for messages in errors.values() for m in messages],
            "back_url": _page_link(page),
            "survey_sent": sent or None,
        }
        response = render(request, "survey/error.html", context, status=status)
    response["Cache-Control"] = "no-store"
    return response


def success(request, page):
    if wants_json(request):
        return JsonResponse({"ok": True, "message": str(MESSAGES["thanks"])})
    url = reverse("survey:thanks")
    if isinstance(page, str) and page:
        url += "?" + urlencode({"page": page})
    return HttpResponseRedirect(url, status=303)


def what_was_sent(request) -> dict:
    """The answer as posted, to show again after an error (no JavaScript): {} if unreadable."""
    try:
        if int(request.META.get("CONTENT_LENGTH") or 0) > MAX_BODY_BYTES:
            return {}
        data = request.POST
    except (ValueError, MultiPartParserError, SuspiciousOperation, BadRequest, UnicodeDecodeError):
        return {}
    sent = {name: data.get(name, "") for name in ("page", "useful", "findable", "comment")}
    # Only for one of our pages: the form is shown again only there.
    return sent if paths.is_public_page(sent["page"]) else {}


@never_cache
@csrf_exempt
@require_POST
def submit(request):
    if not is_same_site(request):
        return failure(request, 403, {"__all__": [MESSAGES["cross_site"]]})
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return failure(request, 400, {"__all__": [MESSAGES["malformed"]]})
    if length > MAX_BODY_BYTES:
        return failure(request, 400, {"__all__": [MESSAGES["too_large"]]})
    try:
        data = request.POST
    except (MultiPartParserError, SuspiciousOperation, BadRequest, UnicodeDecodeError, LookupError):
        # LookupError: a charset Python does not know, in the body or its Content-Type.
        return failure(request, 400, {"__all__": [MESSAGES["malformed"]]})

    form = SurveyForm(data)
    if form.is_bot():
        # Answer as if accepted, so the bot learns nothing; store nothing.
        return success(request, "")
    if not form.is_valid():
        sent = what_was_sent(request)
        return failure(request, 400, form.errors, page=sent.get("page"), sent=sent)
    page = form.cleaned_data["page"]
    limits = [
        ("survey", settings.SURVEY_RATE_LIMIT, ""),
        ("survey-page", settings.SURVEY_PAGE_RATE_LIMIT, page),
    ]
    for scope, rate, extra in limits:
        if ratelimit.is_limited(request, scope, rate, extra):
            _limit, period = ratelimit.parse_rate(rate)
            sent = what_was_sent(request)
            response = failure(
                request, 429, {"__all__": [MESSAGES["too_many"]]}, page=page, sent=sent
            )
            response["Retry-After"] = str(period)
            return response
    form.save(language=get_language())
    for scope, rate, extra in limits:
        ratelimit.count(request, scope, rate, extra)
    return success(request, page)


@never_cache
@require_safe
def thanks(request):
    """Shown after an answer sent without JavaScript; links back to the page."""
    context = {"message": MESSAGES["thanks"], "back_url": _page_link(request.GET.get("page"))}
    return render(request, "survey/thanks.html", context)
