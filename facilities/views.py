"""Public pages of locations, the JSON API and the open-data CSV.

The pages show "open now", so no cache keeps them longer than
settings.OPEN_STATUS_MAX_AGE.
"""

import csv
import datetime
import json
import re

from django.conf import settings
from django.http import Http404, HttpResponse, JsonResponse
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.dateparse import parse_datetime
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, gettext
from django.views.decorators.http import require_safe
from django.views.generic import TemplateView

from shinjuku_mynumber import stale_translations
from shinjuku_mynumber.absolute_urls import absolute_url, site_url
from shinjuku_mynumber.page_cache import public_page

from . import hours, opendata
from .listing import grouped_by_kind, locations_with_status, published_locations
from .models import Location, YearlyClosure, attach_status, yearly_closures

# Inside <script>, "<", ">" and "&" must never appear raw in data.
JSON_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


class LocationListView(TemplateView):
    template_name = "facilities/location_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        locations, closures = locations_with_status()
        context.update(
            locations=locations,
            groups=grouped_by_kind(locations),
            closures=closures,
            now=timezone.now(),
        )
        with translation.override(settings.LANGUAGE_CODE):
            japanese_url = reverse("facilities:list")
        context.update(stale_translations.reader_notice(locations, get_language(), japanese_url))
        return context


class LocationDetailView(TemplateView):
    template_name = "facilities/location_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        today = timezone.localdate()
        location = (
            Location.objects.published().with_details().filter(slug=self.kwargs["slug"]).first()
        )
        if location is None:
            raise Http404
        closures = yearly_closures(self.request)
        attach_status([location], closures=closures)
        data = opendata.json_ld(location, closures, absolute_url(self.request), today)
        context.update(
            location=location,
            closures=closures if location.observes_yearly_closures else [],
            exceptions=[e for e in location.dated_exceptions() if e.date >= today],
            json_ld=mark_safe(json.dumps(data, ensure_ascii=False).translate(JSON_SCRIPT_ESCAPES)),
            now=timezone.now(),
            last_updated=location.modified,
        )
        with translation.override(settings.LANGUAGE_CODE):
            japanese_url = location.get_absolute_url()
        context.update(stale_translations.reader_notice([location], get_language(), japanese_url))
        return context


location_list = public_page(["nav", "desk", "locations"], timeout=settings.OPEN_STATUS_MAX_AGE)(
    LocationListView.as_view()
)
location_detail = public_page(["nav", "desk", "locations"], timeout=settings.OPEN_STATUS_MAX_AGE)(
    LocationDetailView.as_view()
)

# --- Open data (outside the language prefix) ------------------------------

# A "+" in a query string arrives as a space: "...T09:30:00 09:00".
_SPACED_OFFSET = re.compile(r"(T?\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?) (\d{2}(?::?\d{2})?)$")


# Opening hours look a few days around the moment; near year 1 or 9999 that
# date arithmetic overflows, and no one asks about such dates anyway.
MOMENT_RANGE = (datetime.date(1900, 1, 1), datetime.date(2999, 12, 31))


def parse_moment(raw: str) -> datetime.datetime:
    """An ISO 8601 date and time between MOMENT_RANGE; without an offset it is Tokyo time."""
    raw = _SPACED_OFFSET.sub(r"\1+\2", raw.strip())
    try:
        value = parse_datetime(raw)
        if value is None:
            raise ValueError(raw)
        if timezone.is_naive(value):
            value = timezone.make_aware(value, hours.local_zone())
        local_day = timezone.localtime(value, hours.local_zone()).date()
    except (ValueError, OverflowError) as error:
        raise ValueError(raw) from error
    if not MOMENT_RANGE[0] <= local_day <= MOMENT_RANGE[1]:
        raise ValueError(raw)
    return value


@public_page(["locations"], timeout=settings.OPEN_STATUS_MAX_AGE, query=["at"])
@require_safe
def api_locations(request):
    moment = timezone.now()
    if "at" in request.GET:
        try:
            moment = parse_moment(request.GET["at"])
        except ValueError:
            message = gettext(
                "'at' must be an ISO 8601 date and time between the years 1900 and 2999, "
                "such as 2026-01-04T09:30:00+09:00."
            )
            return JsonResponse({"error": message}, status=400)
    # location_json works out each status itself, once.
    locations, closures = published_locations(moment)
    response = JsonResponse(
        {
            "at": timezone.localtime(moment, hours.local_zone()).isoformat(),
            "locations": [opendata.location_json(loc, closures, moment) for loc in locations],
        },
        json_dumps_params={"ensure_ascii": False},
    )
    # The data is the ward's Japanese text, whatever the client's languages
    # (LocaleMiddleware would otherwise name the first requester's).
    response["Content-Language"] = "ja"
    response["Access-Control-Allow-Origin"] = "*"
    return response


@require_safe
def locations_csv(request):
    """公共施設一覧 (the government's recommended dataset layout), UTF-8 with BOM."""
    locations = Location.objects.published().with_details()
    closures = list(YearlyClosure.objects.all())
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="131041_mynumber_locations.csv"'
    response["Cache-Control"] = "public, max-age=3600"
    response["Access-Control-Allow-Origin"] = "*"
    response.write("\ufeff")
    writer = csv.writer(response, lineterminator="\r\n")
    writer.writerow(opendata.CSV_HEADER)
    base = site_url(request)
    for number, location in enumerate(locations, start=1):
        writer.writerow(opendata.csv_row(number, location, closures, base))
    return response
