"""The ward's page as structured content: sections made of ordered parts."""

import datetime
from pathlib import PurePosixPath

from django.core.validators import FileExtensionValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from shinjuku_mynumber.models import Sourced
from shinjuku_mynumber.publishing import Publishable, PublishableQuerySet, local_today
from shinjuku_mynumber.richtext import RichTextField
from shinjuku_mynumber.urlsafety import is_site_path, is_web_url, validate_safe_url

from .validators import validate_document_content, validate_document_size

DOCUMENT_EXTENSIONS = ["pdf", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "odt", "ods", "csv"]


def add_months(day: datetime.date, months: int) -> datetime.date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    for last_day in (day.day, 30, 29, 28):
        try:
            return day.replace(year=year, month=month, day=last_day)
        except ValueError:
            continue
    raise ValueError(day)


class Embed(models.TextChoices):
    """Live data a section shows below its text."""

    NONE = "", _("Nothing")
    LOCATIONS = "locations", _("Support desk and terminal locations")
    CALL_CENTRES = "call_centres", _("Call centres")


class SectionQuerySet(PublishableQuerySet):
    def overdue_for_review(self, on=None):
        on = on or local_today()
        return [s for s in self.order_by("last_reviewed", "position") if s.review_due_on <= on]


class Section(Sourced, Publishable):
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("summary"), blank=True)
    task_label = models.CharField(
        _("task label"),
        max_length=120,
        blank=True,
        help_text=_(
            "What a resident comes to do, in plain words (for example 'Use the card as a "
            "health insurance card'). Sections with a task label are listed first on the "
            "home page and end with where to get help."
        ),
    )
    position = models.PositiveIntegerField(_("position"), default=0, db_index=True)
    embed = models.CharField(
        _("also show"), max_length=20, choices=Embed.choices, default=Embed.NONE, blank=True
    )
    inquiry_desk = models.ForeignKey(
        "contacts.InquiryDesk",
        verbose_name=_("inquiry desk"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        help_text=_("Leave empty to show the site's default desk."),
    )
    programme_ended_on = models.DateField(
        _("programme ended on"),
        null=True,
        blank=True,
        help_text=_(
            "Set when the programme this section describes has ended: the page then shows "
            "an 'ended' notice instead of sign-up instructions."
        ),
    )
    ended_notice = models.TextField(
        _("ended notice"),
        blank=True,
        help_text=_("Shown when the programme has ended. Leave empty for the standard notice."),
    )
    content_as_of = models.DateField(
        _("content as of"),
        null=True,
        blank=True,
        help_text=_("The date the statements on this page describe. Shown while under review."),
    )
    last_reviewed = models.DateField(_("last reviewed"), default=local_today)
    review_interval_months = models.PositiveSmallIntegerField(
        _("review interval (months)"), default=12
    )
    review_note = models.TextField(
        _("review note"), blank=True, help_text=_("For staff only: what needs checking.")
    )
    created = models.DateTimeField(_("created"), auto_now_add=True)
    modified = models.DateTimeField(
        _("last updated"),
        null=True,
        blank=True,
        default=timezone.now,
        help_text=_(
            "When the content last changed: a staff edit of the section or any of its parts, "
            "or, for the initial content, the date its text was written."
        ),
    )

    objects = SectionQuerySet.as_manager()

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("section")
        verbose_name_plural = _("sections")
        permissions = [("publish_section", _("Can publish sections and set their dates"))]
        constraints = [
            Publishable.validity_constraint("section_shown_until_after_from"),
            models.CheckConstraint(
                condition=Q(review_interval_months__gte=1),
                name="section_review_interval_positive",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        # Remembered per language on this instance: one page links to a
        # section from its header, footer and lists (a few dozen reversals).
        key = (get_language(), self.slug)
        urls = self.__dict__.setdefault("_urls", {})
        if key not in urls:
            urls[key] = reverse("pages:section", kwargs={"slug": self.slug})
        return urls[key]

    def save(self, *args, **kwargs):
        # The loader and "mark reviewed" set `_keep_modified`: they change no text a
        # resident reads today, so the page's "last updated" date stays.
        if getattr(self, "_keep_modified", False):
            return super().save(*args, **kwargs)
        self.modified = timezone.now()
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "modified"}
        super().save(*args, **kwargs)

    def has_ended(self, on=None):
        return self.programme_ended_on is not None and self.programme_ended_on <= (
            on or local_today()
        )

    @property
    def review_due_on(self):
        return add_months(self.last_reviewed, self.review_interval_months)

    def is_review_overdue(self, on=None):
        return self.review_due_on <= (on or local_today())


class SectionPart(Sourced):
    """Common fields of everything that belongs to one section, in order."""

    section = models.ForeignKey(Section, verbose_name=_("section"), on_delete=models.CASCADE)
    key = models.SlugField(
        _("key"),
        max_length=80,
        blank=True,
        help_text=_("A stable name used by the initial content loader. Optional."),
    )
    position = models.PositiveIntegerField(_("position"), default=0)

    class Meta:
        abstract = True
        ordering = ["position", "pk"]

    @classmethod
    def unique_key_constraint(cls, name):
        return models.UniqueConstraint(fields=["section", "key"], condition=~Q(key=""), name=name)


class Block(SectionPart):
    class Kind(models.TextChoices):
        PARAGRAPH = "paragraph", _("Paragraph")
        NOTE = "note", _("Note (※)")
        HEADING = "heading", _("Sub-heading")
        LIST = "list", _("List")
        RECORD = "record", _("Record of ended guidance")

    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.PARAGRAPH)
    heading = models.CharField(
        _("heading"), max_length=200, blank=True, help_text=_("For sub-headings and list titles.")
    )
    text = RichTextField(_("text"), blank=True)
    ordered = models.BooleanField(_("numbered list"), default=True)
    hide_when_ended = models.BooleanField(
        _("hide when the programme has ended"),
        default=False,
        help_text=_("Tick for sign-up instructions that no longer apply once the programme ends."),
    )
    recorded_on = models.DateField(
        _("recorded on"),
        null=True,
        blank=True,
        help_text=_("For a record: the date the guidance it keeps was published."),
    )

    class Meta(SectionPart.Meta):
        verbose_name = _("body block")
        verbose_name_plural = _("body blocks")
        default_related_name = "blocks"
        constraints = [
            SectionPart.unique_key_constraint("block_unique_key"),
            models.CheckConstraint(
                condition=~Q(kind="record") | Q(recorded_on__isnull=False),
                name="block_record_has_date",
                violation_error_message=_("A record needs the date it was published."),
            ),
        ]

    def __str__(self):
        return self.heading or self.text[:40] or self.get_kind_display()


class ListItem(models.Model):
    block = models.ForeignKey(
        Block, verbose_name=_("list"), on_delete=models.CASCADE, related_name="items"
    )
    position = models.PositiveIntegerField(_("position"), default=0)
    text = RichTextField(_("text"))

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("list item")
        verbose_name_plural = _("list items")

    def __str__(self):
        return self.text[:60]


class Benefit(SectionPart):
    title = models.CharField(_("title"), max_length=200)
    tagline = models.CharField(_("tagline"), max_length=200, blank=True)
    body = models.TextField(_("body"))

    class Meta(SectionPart.Meta):
        verbose_name = _("benefit")
        verbose_name_plural = _("benefits")
        default_related_name = "benefits"
        constraints = [SectionPart.unique_key_constraint("benefit_unique_key")]

    def __str__(self):
        return self.title


class KeyDate(SectionPart):
    """A dated fact, such as the day information linkage started."""

    date = models.DateField(_("date"))
    text = models.CharField(_("what happened"), max_length=300)

    class Meta(SectionPart.Meta):
        ordering = ["date", "pk"]
        verbose_name = _("dated fact")
        verbose_name_plural = _("dated facts")
        default_related_name = "key_dates"
        constraints = [SectionPart.unique_key_constraint("keydate_unique_key")]

    def __str__(self):
        return f"{self.date:%Y-%m-%d} {self.text}"


class Link(SectionPart):
    label = models.CharField(_("label"), max_length=300)
    url = models.CharField(
        _("address"),
        max_length=500,
        validators=[validate_safe_url],
        help_text=_("A full https:// address, or a path on this site."),
    )

    class Meta(SectionPart.Meta):
        verbose_name = _("link")
        verbose_name_plural = _("links")
        default_related_name = "links"
        constraints = [SectionPart.unique_key_constraint("link_unique_key")]

    def __str__(self):
        return self.label

    @property
    def is_external(self):
        return is_web_url(self.url)

    @property
    def is_site_path(self):
        return is_site_path(self.url)


class Document(SectionPart):
    title = models.CharField(_("title"), max_length=300)
    file = models.FileField(
        _("file"),
        upload_to="documents/%Y/",
        blank=True,
        validators=[
            FileExtensionValidator(DOCUMENT_EXTENSIONS),
            validate_document_size,
            validate_document_content,
        ],
        help_text=_("PDF or office files only, up to 20 MB."),
    )
    url = models.CharField(
        _("address"),
        max_length=500,
        blank=True,
        validators=[validate_safe_url],
        help_text=_("Where no file is attached."),
    )
    file_size = models.PositiveBigIntegerField(
        _("file size"), null=True, blank=True, editable=False
    )

    class Meta(SectionPart.Meta):
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        default_related_name = "documents"
        constraints = [
            SectionPart.unique_key_constraint("document_unique_key"),
            models.CheckConstraint(
                condition=~Q(file="") | ~Q(url=""),
                name="document_has_file_or_url",
                # What to do, not which rule was broken: staff read this in the admin.
                violation_error_message=_(
                    "Attach a file or enter the address (URL) of the document."
                ),
            ),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.file_size = self.file.size if self.file else None
        super().save(*args, **kwargs)

    @property
    def href(self):
        """The address to link to; "" for an address that is not safe to show."""
        if self.file:
            # Served by the app (pages/documents.py), whatever the storage:
            # never a public bucket URL.
            return reverse("document", args=[self.file.name])
        return self.url if is_web_url(self.url) or is_site_path(self.url) else ""

    @property
    def file_type(self):
        name = self.file.name if self.file else ""
        return PurePosixPath(name).suffix.lstrip(".").upper()

    @property
    def is_external(self):
        return not self.file and is_web_url(self.url)


class Notice(Sourced, Publishable):
    """An important notice shown at the top of the home page."""

    title = models.CharField(_("title"), max_length=200)
    body = RichTextField(_("body"), blank=True)
    section = models.ForeignKey(
        Section,
        verbose_name=_("more on"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="notices",
    )
    key = models.SlugField(_("key"), max_length=80, blank=True)
    position = models.PositiveIntegerField(_("position"), default=0)
    modified = models.DateTimeField(_("last updated"), auto_now=True)

    objects = PublishableQuerySet.as_manager()

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("important notice")
        verbose_name_plural = _("important notices")
        permissions = [("publish_notice", _("Can publish notices and set their dates"))]
        constraints = [
            Publishable.validity_constraint("notice_shown_until_after_from"),
            models.UniqueConstraint(fields=["key"], condition=~Q(key=""), name="notice_unique_key"),
        ]

    def __str__(self):
        return self.title
