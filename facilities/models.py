"""Where residents can go: the support desk and the Mynaportal terminals.

Opening hours are rules, not text (see hours.py): weekly rules per day type,
yearly closures shared by every location, and dated exceptions per location.
The abstract `HoursRule` and `HasOpeningHours` are shared with contacts'
call centres.
"""

import datetime

from django.db import models
from django.db.models import F, Prefetch, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from shinjuku_mynumber.language_columns import only_reader_language
from shinjuku_mynumber.models import Sourced
from shinjuku_mynumber.phone import HasPhone, PhoneNumberField
from shinjuku_mynumber.publishing import Publishable, PublishableQuerySet
from shinjuku_mynumber.read_once import once_per_request

from . import hours


class DayType(models.TextChoices):
    WEEKDAY = hours.WEEKDAY, _("Weekdays")
    SATURDAY = hours.SATURDAY, _("Saturdays")
    SUNDAY = hours.SUNDAY, _("Sundays")
    HOLIDAY = hours.HOLIDAY, _("Public holidays")


class HoursRule(models.Model):
    """Open from `opens` to `closes` on every day of one type."""

    day_type = models.CharField(_("days"), max_length=10, choices=DayType.choices)
    opens = models.TimeField(_("opens"))
    closes = models.TimeField(_("closes"))

    class Meta:
        abstract = True
        ordering = ["opens", "pk"]
        verbose_name = _("opening hours")
        verbose_name_plural = _("opening hours")
        constraints = [
            models.CheckConstraint(
                condition=Q(closes__gt=F("opens")),
                name="%(app_label)s_%(class)s_closes_after_opens",
                violation_error_message=_("The closing time must be after the opening time."),
            )
        ]

    def __str__(self):
        return f"{self.get_day_type_display()} {self.opens:%H:%M}-{self.closes:%H:%M}"


class YearlyClosure(Sourced):
    """Closed every year between two dates, such as 12/29-1/3."""

    key = models.SlugField(_("key"), max_length=80, unique=True)
    name = models.CharField(_("name"), max_length=100)
    start_month = models.PositiveSmallIntegerField(_("from month"))
    start_day = models.PositiveSmallIntegerField(_("from day"))
    end_month = models.PositiveSmallIntegerField(_("to month"))
    end_day = models.PositiveSmallIntegerField(_("to day"))

    class Meta:
        ordering = ["start_month", "start_day"]
        verbose_name = _("yearly closure")
        verbose_name_plural = _("yearly closures")
        constraints = [
            models.CheckConstraint(
                condition=Q(start_month__range=(1, 12), end_month__range=(1, 12))
                & Q(start_day__range=(1, 31), end_day__range=(1, 31)),
                name="yearlyclosure_valid_month_day",
                violation_error_message=_("Months run from 1 to 12 and days from 1 to 31."),
            )
        ]

    def __str__(self):
        return f"{self.name} ({self.start_month}/{self.start_day}-{self.end_month}/{self.end_day})"

    def next_range(self, on: datetime.date) -> tuple[datetime.date, datetime.date]:
        """The next (or current) occurrence, as dates: for schema.org and CSVs."""
        start = datetime.date(on.year, self.start_month, self.start_day)
        end_year = on.year + ((self.end_month, self.end_day) < (self.start_month, self.start_day))
        end = datetime.date(end_year, self.end_month, self.end_day)
        if end < on:
            start, end = start.replace(year=start.year + 1), end.replace(year=end.year + 1)
        return start, end


class HasOpeningHours(models.Model):
    """A place or service with weekly `hours` rules (a reverse relation)."""

    observes_yearly_closures = models.BooleanField(
        _("closed on the yearly closures"),
        default=True,
        help_text=_("For example closed from 29 December to 3 January."),
    )

    class Meta:
        abstract = True

    def dated_exceptions(self):
        return ()

    def schedule(self, closures) -> hours.Schedule:
        """From prefetched rows: no query when `hours` (and exceptions) are prefetched."""
        return hours.Schedule.build(
            self.hours.all(),
            closures if self.observes_yearly_closures else (),
            self.dated_exceptions(),
        )

    def status_at(self, moment=None, closures=None) -> hours.OpeningStatus:
        if closures is None:
            closures = list(YearlyClosure.objects.all())
        return hours.status_at(moment or timezone.now(), self.schedule(closures))


def yearly_closures(request=None):
    """The yearly closures in the reader's language; with `request`, read once
    for it (the home page's two live summaries both need them)."""
    return once_per_request(
        request, "yearly_closures", lambda: list(only_reader_language(YearlyClosure.objects.all()))
    )


def attach_status(objects, moment=None, closures=None):
    """Set `.open_status`, `.weekly_hours` and `.closed_every_year` (the yearly
    closures it keeps) on each; one closure query in all."""
    moment = moment or timezone.now()
    if closures is None:
        closures = list(YearlyClosure.objects.all())
    objects = list(objects)
    for obj in objects:
        schedule = obj.schedule(closures)
        obj.open_status = hours.status_at(moment, schedule)
        obj.weekly_hours = [
            (DayType(kind).label, periods) for kind, periods in schedule.weekly_table()
        ]
        obj.closed_every_year = (
            closures if obj.observes_yearly_closures and not schedule.always_open else []
        )
    return objects


class Service(models.Model):
    key = models.SlugField(_("key"), max_length=80, unique=True)
    name = models.CharField(_("name"), max_length=200)
    position = models.PositiveIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("service")
        verbose_name_plural = _("services")

    def __str__(self):
        return self.name


class LocationQuerySet(PublishableQuerySet):
    def with_schedule(self, on=None):
        """What the opening status needs (weekly hours and the exceptions from
        the day before `on`), prefetched."""
        on = on or timezone.localdate()
        upcoming = LocationException.objects.filter(date__gte=on - datetime.timedelta(days=1))
        return self.prefetch_related(
            "hours",
            Prefetch(
                "exceptions", queryset=only_reader_language(upcoming), to_attr="upcoming_exceptions"
            ),
        )

    def for_summary(self, on=None):
        """What the home page's summary shows: the name, the kind and the opening
        status (no services, items to bring or addresses)."""
        return only_reader_language(
            self, "slug", "kind", "name", "observes_yearly_closures"
        ).with_schedule(on)

    def with_details(self, on=None):
        """Everything a page shows, prefetched: no query inside a template loop."""
        return only_reader_language(self.with_schedule(on)).prefetch_related(
            Prefetch("services", queryset=only_reader_language(Service.objects.all())),
            Prefetch("items_to_bring", queryset=only_reader_language(ItemToBring.objects.all())),
        )


class Location(Sourced, HasPhone, Publishable, HasOpeningHours):
    class Kind(models.TextChoices):
        DESK = "desk", _("Support desk (staff help)")
        TERMINAL = "terminal", _("Mynaportal terminal (no operation help)")

    class LanguageHelp(models.TextChoices):
        # Blank until a source says: residents are told to ask, never promised help.
        NOT_CONFIRMED = "", _("Not confirmed. Please ask before you go.")
        JAPANESE_ONLY = "japanese", _("Japanese only")
        STAFF = "staff", _("Staff who speak other languages")
        INTERPRETING = "interpreting", _("Interpreting by video call on a tablet")

    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    name = models.CharField(_("name"), max_length=200)
    name_kana = models.CharField(
        _("name in katakana"), max_length=200, blank=True, help_text=_("For the open data.")
    )
    address = models.CharField(_("address"), max_length=300)
    floor = models.CharField(_("floor"), max_length=100, blank=True)
    services = models.ManyToManyField(
        Service, verbose_name=_("services"), blank=True, related_name="locations"
    )
    notes = models.TextField(_("notes"), blank=True, help_text=_("One note per line."))
    access = models.TextField(
        _("access"), blank=True, help_text=_("Nearest station and how long the walk is.")
    )
    accessibility = models.TextField(
        _("step-free access"),
        blank=True,
        help_text=_("Only what the facility's own page states."),
    )
    language_help = models.CharField(
        _("help in other languages"),
        max_length=12,
        choices=LanguageHelp.choices,
        blank=True,
        default=LanguageHelp.NOT_CONFIRMED,
    )
    language_note = models.TextField(_("note on help in other languages"), blank=True)
    phone = PhoneNumberField(_("phone"), blank=True, help_text=_("As the facility writes it."))
    phone_note = models.CharField(
        _("phone note"),
        max_length=300,
        blank=True,
        help_text=_("When phone inquiries are not possible, for example."),
    )
    latitude = models.DecimalField(
        _("latitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    longitude = models.DecimalField(
        _("longitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    position = models.PositiveIntegerField(_("position"), default=0)
    modified = models.DateTimeField(_("last updated"), auto_now=True)

    objects = LocationQuerySet.as_manager()

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("location")
        verbose_name_plural = _("locations")
        permissions = [("publish_location", _("Can publish locations and set their dates"))]
        constraints = [
            Publishable.validity_constraint("location_shown_until_after_from"),
            models.CheckConstraint(
                condition=Q(latitude__isnull=True, longitude__isnull=True)
                | Q(latitude__range=(-90, 90), longitude__range=(-180, 180)),
                name="location_coordinates_valid",
                violation_error_message=_("Give both coordinates, or neither."),
            ),
        ]

    def __str__(self):
        return f"{self.name} ({self.get_kind_display()})"

    def get_absolute_url(self):
        return reverse("facilities:detail", kwargs={"slug": self.slug})

    def dated_exceptions(self):
        if hasattr(self, "upcoming_exceptions"):
            return self.upcoming_exceptions
        return self.exceptions.all()

    @property
    def note_lines(self):
        return [line.strip() for line in self.notes.splitlines() if line.strip()]


class LocationHours(HoursRule):
    location = models.ForeignKey(
        Location, verbose_name=_("location"), on_delete=models.CASCADE, related_name="hours"
    )

    class Meta(HoursRule.Meta):
        pass


class LocationException(models.Model):
    """A dated change: closed for a centre event, or a special opening."""

    location = models.ForeignKey(
        Location, verbose_name=_("location"), on_delete=models.CASCADE, related_name="exceptions"
    )
    date = models.DateField(_("date"))
    is_closed = models.BooleanField(_("closed all day"), default=True)
    opens = models.TimeField(_("opens"), null=True, blank=True)
    closes = models.TimeField(_("closes"), null=True, blank=True)
    note = models.CharField(
        _("reason"), max_length=200, blank=True, help_text=_("For example: centre event.")
    )

    class Meta:
        ordering = ["date", "opens"]
        verbose_name = _("dated exception")
        verbose_name_plural = _("dated exceptions")
        constraints = [
            models.CheckConstraint(
                condition=Q(is_closed=True, opens__isnull=True, closes__isnull=True)
                | Q(
                    is_closed=False,
                    opens__isnull=False,
                    closes__isnull=False,
                    closes__gt=F("opens"),
                ),
                name="locationexception_closed_or_hours",
                violation_error_message=_(
                    "Either tick 'closed all day' and leave the times empty, or give an "
                    "opening time and a later closing time."
                ),
            ),
        ]

    def __str__(self):
        if self.is_closed:
            return f"{self.date:%Y-%m-%d} {_('closed')}"
        return f"{self.date:%Y-%m-%d} {self.opens:%H:%M}-{self.closes:%H:%M}"


class ItemToBring(models.Model):
    location = models.ForeignKey(
        Location,
        verbose_name=_("location"),
        on_delete=models.CASCADE,
        related_name="items_to_bring",
    )
    key = models.SlugField(_("key"), max_length=80, blank=True)
    text = models.CharField(_("what to bring"), max_length=300)
    position = models.PositiveIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("thing to bring")
        verbose_name_plural = _("things to bring")
        constraints = [
            models.UniqueConstraint(
                fields=["location", "key"], condition=~Q(key=""), name="itemtobring_unique_key"
            )
        ]

    def __str__(self):
        return self.text
