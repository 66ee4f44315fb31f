"""One answer to the page survey is one row: nothing that identifies a person.

A row holds the page (its path without the language prefix), the language
the page was read in, the two answers, the comment (already redacted, see
redaction.py) and the time. No IP address, user agent or cookie is kept.
"""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.db import models
from django.db.models import Count, F, Q, Window
from django.db.models.functions import RowNumber, TruncMonth
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

COMMENT_MAX_LENGTH = 500


class Useful(models.TextChoices):
    # Translators: answer to "Was the information on this page useful?" (役に立った)
    YES = "yes", _("Useful")
    # Translators: neutral answer to a survey question (どちらともいえない)
    NEUTRAL = "neutral", _("Neither")
    # Translators: answer to "Was the information on this page useful?" (役に立たなかった)
    NO = "no", _("Not useful")


class Findable(models.TextChoices):
    # Translators: answer to "Was this page easy to find?" (見つけやすかった)
    EASY = "easy", _("Easy to find")
    # Translators: neutral answer to a survey question (どちらともいえない)
    NEUTRAL = "neutral", _("Neither")
    # Translators: answer to "Was this page easy to find?" (見つけにくかった)
    HARD = "hard", _("Hard to find")


# The questions in the order the page asks them: (field name, question, choices).
QUESTIONS = (
    # Translators: survey question (このページの情報は役に立ちましたか?)
    ("useful", _("Was the information on this page useful?"), Useful),
    # Translators: survey question (このページは見つけやすかったですか?)
    ("findable", _("Was this page easy to find?"), Findable),
)


@dataclass(frozen=True)
class ChoiceResult:
    value: str
    label: str
    count: int
    percent: float  # of the answers to this question, 0..100

    BAR_WIDTH = 200  # px of a 100 % bar in the admin chart

    @property
    def bar_width(self) -> float:
        return round(self.percent * self.BAR_WIDTH / 100, 1)


@dataclass(frozen=True)
class QuestionResult:
    field: str
    question: str
    answered: int
    choices: list[ChoiceResult]


@dataclass(frozen=True)
class PageResult:
    page: str  # None for the total over every page
    total: int
    questions: list[QuestionResult]

    # The answers that say something is wrong: not useful, hard to find.
    NEGATIVE = {"useful": "no", "findable": "hard"}

    @property
    def negative(self) -> int:
        return sum(
            choice.count
            for question in self.questions
            for choice in question.choices
            if choice.value == self.NEGATIVE[question.field]
        )

    @property
    def negative_percent(self) -> float:
        """The share of the answers to either question that were negative."""
        return _percent(self.negative, sum(q.answered for q in self.questions))


@dataclass(frozen=True)
class PeriodResult:
    """Counts for one month or one language."""

    key: object  # a date (the month's first day) or a language code
    total: int
    not_useful: int
    useful_answered: int
    hard_to_find: int
    findable_answered: int

    @property
    def not_useful_percent(self) -> float:
        return _percent(self.not_useful, self.useful_answered)

    @property
    def hard_to_find_percent(self) -> float:
        return _percent(self.hard_to_find, self.findable_answered)


def _percent(count: int, answered: int) -> float:
    return round(100 * count / answered, 1) if answered else 0.0


def _count_expressions():
    expressions = {"total": Count("pk")}
    for field, _question, choices in QUESTIONS:
        for value in choices.values:
            expressions[f"{field}__{value}"] = Count("pk", filter=Q(**{field: value}))
    return expressions


def _page_result(page, counts) -> PageResult:
    questions = []
    for field, question, choices in QUESTIONS:
        answered = sum(counts[f"{field}__{value}"] for value in choices.values)
        questions.append(
            QuestionResult(
                field=field,
                question=str(question),
                answered=answered,
                choices=[
                    ChoiceResult(
                        value=value,
                        label=str(label),
                        count=counts[f"{field}__{value}"],
                        percent=_percent(counts[f"{field}__{value}"], answered),
                    )
                    for value, label in choices.choices
                ],
            )
        )
    return PageResult(page=page, total=counts["total"], questions=questions)


def _csv_safe(value: str) -> str:
    """Stop a spreadsheet from running a comment as a formula."""
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


class PageFeedbackQuerySet(models.QuerySet):
    def between(self, since: datetime.date | None = None, until: datetime.date | None = None):
        """Answers given from `since` to `until` inclusive, as days in Asia/Tokyo."""
        zone = timezone.get_default_timezone()
        queryset = self
        if since:
            start = datetime.datetime.combine(since, datetime.time.min, tzinfo=zone)
            queryset = queryset.filter(created__gte=start)
        if until:
            end = datetime.datetime.combine(
                until + datetime.timedelta(days=1), datetime.time.min, tzinfo=zone
            )
            queryset = queryset.filter(created__lt=end)
        return queryset

    def in_language(self, language: str | None):
        return self.filter(language=language) if language else self

    def with_comments(self):
        return self.exclude(comment="")

    def expire_comments(self, now=None) -> int:
        """Delete comments older than SURVEY_COMMENT_RETENTION_DAYS; keep the answers.

        A row that holds nothing but an expired comment goes altogether.
        Returns the number of comments deleted.
        """
        cutoff = (now or timezone.now()) - datetime.timedelta(
            days=settings.SURVEY_COMMENT_RETENTION_DAYS
        )
        expired = self.filter(created__lt=cutoff).exclude(comment="")
        count = expired.count()
        expired.filter(useful="", findable="").delete()
        expired.update(comment="")
        return count

    def summary(self) -> list[PageResult]:
        """Per page, per question: how many chose each answer, and what share."""
        rows = self.order_by().values("page").annotate(**_count_expressions()).order_by("page")
        return [_page_result(row["page"], row) for row in rows]

    def worst_first(self) -> list[PageResult]:
        """The summary, pages with the largest share of negative answers first."""
        return sorted(self.summary(), key=lambda r: (-r.negative_percent, -r.negative, r.page))

    def _breakdown(self, key, expression):
        rows = (
            self.order_by()
            .annotate(**{key: expression})
            .values(key)
            .annotate(
                total=Count("pk"),
                not_useful=Count("pk", filter=Q(useful=Useful.NO)),
                useful_answered=Count("pk", filter=~Q(useful="")),
                hard_to_find=Count("pk", filter=Q(findable=Findable.HARD)),
                findable_answered=Count("pk", filter=~Q(findable="")),
            )
            .order_by(key)
        )
        return [PeriodResult(key=row.pop(key), **row) for row in rows]

    def by_month(self) -> list[PeriodResult]:
        """Counts per calendar month in Asia/Tokyo, oldest first."""
        zone = timezone.get_default_timezone()
        results = self._breakdown("month", TruncMonth("created", tzinfo=zone))
        # TruncMonth gives a datetime on PostgreSQL and SQLite alike; keep the date.
        return [
            PeriodResult(**{**r.__dict__, "key": timezone.localtime(r.key, zone).date()})
            if isinstance(r.key, datetime.datetime)
            else r
            for r in results
        ]

    def by_language(self) -> list[PeriodResult]:
        """Counts per language the page was read in, in the order of settings.LANGUAGES."""
        order = {code: i for i, (code, _name) in enumerate(settings.LANGUAGES)}
        results = self._breakdown("lang", F("language"))
        return sorted(results, key=lambda r: order.get(r.key, len(order)))

    def latest_comments_per_page(self, limit: int) -> dict[str, list["PageFeedback"]]:
        """Each page's newest `limit` comments, in one query."""
        ranked = (
            self.with_comments()
            .annotate(
                rank=Window(
                    RowNumber(),
                    partition_by=F("page"),
                    order_by=[F("created").desc(), F("pk").desc()],
                )
            )
            .filter(rank__lte=limit)
            .only("page", "language", "comment", "created")
            .order_by("page", "-created", "-pk")
        )
        grouped: dict[str, list[PageFeedback]] = {}
        for answer in ranked:
            grouped.setdefault(answer.page, []).append(answer)
        return grouped

    def comment_counts(self) -> dict[str, int]:
        rows = self.with_comments().order_by().values("page").annotate(n=Count("pk"))
        return {row["page"]: row["n"] for row in rows}

    def overall(self) -> PageResult:
        """The same counts over every page together."""
        return _page_result(None, self.order_by().aggregate(**_count_expressions()))

    def as_csv_rows(self, include_comments: bool = True):
        """A header, then one row per answer, oldest first (times in Asia/Tokyo)."""
        header = ["created", "page", "language", "useful", "findable"]
        if include_comments:
            header.append("comment")
        yield header
        fields = ["created", "page", "language", "useful", "findable"]
        if include_comments:
            fields.append("comment")
        for row in self.order_by("created", "pk").values_list(*fields).iterator():
            created, *rest = row
            yield [timezone.localtime(created).isoformat(), *(_csv_safe(v) for v in rest)]


class PageFeedback(models.Model):
    page = models.CharField(_("page"), max_length=200, db_index=True)
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    useful = models.CharField(
        _("useful"), max_length=10, choices=Useful.choices, blank=True, default=""
    )
    findable = models.CharField(
        _("easy to find"), max_length=10, choices=Findable.choices, blank=True, default=""
    )
    comment = models.TextField(_("comment"), max_length=COMMENT_MAX_LENGTH, blank=True)
    created = models.DateTimeField(_("answered at"), default=timezone.now, db_index=True)

    objects = PageFeedbackQuerySet.as_manager()

    class Meta:
        verbose_name = _("page survey answer")
        verbose_name_plural = _("page survey answers")
        ordering = ["-created", "-pk"]
        default_permissions = ()
        permissions = [
            ("view_results", _("Can view survey results")),
            ("view_comments", _("Can view survey comments")),
            ("export_feedback", _("Can export survey answers")),
            ("delete_comments", _("Can delete survey comments")),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(useful="", findable="", comment=""),
                name="survey_answer_or_comment",
            ),
            models.CheckConstraint(
                condition=Q(useful__in=["", *Useful.values]), name="survey_useful_valid"
            ),
            models.CheckConstraint(
                condition=Q(findable__in=["", *Findable.values]), name="survey_findable_valid"
            ),
        ]

    def __str__(self):
        return f"{self.page} ({self.language}) {timezone.localtime(self.created):%Y-%m-%d %H:%M}"

    def get_absolute_url(self):
        """The page the answer is about, in the language it was read in."""
        return f"/{self.language}{self.page}"
