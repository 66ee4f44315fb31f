from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from . import paths
from .models import COMMENT_MAX_LENGTH, Findable, PageFeedback, Useful
from .redaction import redact

HONEYPOT = "website"


class CommentField(forms.CharField):
    """Counts a line break as one character, as the browser's maxlength does."""

    def to_python(self, value):
        value = super().to_python(value)
        return value.replace("\r\n", "\n").replace("\r", "\n")


class SurveyForm(forms.Form):
    """What the survey form posts. Validating it does not touch the database
    except to check that the page exists; `save` stores one row."""

    page = forms.CharField(max_length=paths.MAX_LENGTH)
    useful = forms.ChoiceField(choices=Useful.choices, required=False)
    findable = forms.ChoiceField(choices=Findable.choices, required=False)
    comment = CommentField(max_length=COMMENT_MAX_LENGTH, required=False)
    # Hidden from people; a bot that fills in every field fills this in.
    website = forms.CharField(required=False)

    error_messages = {
        "unknown_page": _("The page this answer is about could not be found."),
        "no_answer": _("Please answer a question or write a comment."),
    }

    def clean_page(self):
        page = self.cleaned_data["page"]
        if not paths.is_public_page(page):
            raise forms.ValidationError(self.error_messages["unknown_page"], code="unknown_page")
        return page

    def clean(self):
        cleaned = super().clean()
        # One answer alone, or a comment alone, is worth keeping.
        if not any(cleaned.get(name) for name in ("useful", "findable", "comment")):
            raise forms.ValidationError(self.error_messages["no_answer"], code="no_answer")
        return cleaned

    def is_bot(self) -> bool:
        return bool(self.data.get(HONEYPOT))

    def save(self, language: str) -> PageFeedback:
        data = self.cleaned_data
        return PageFeedback.objects.create(
            page=data["page"],
            language=language,
            useful=data["useful"],
            findable=data["findable"],
            comment=redact(data["comment"]),
        )


class ResultsFilterForm(forms.Form):
    """The admin results page's filters (all optional)."""

    since = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    until = forms.DateField(
        label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    language = forms.ChoiceField(
        label=_("Language"),
        required=False,
        choices=[("", _("All languages")), *settings.LANGUAGES],
    )

    def clean(self):
        cleaned = super().clean()
        since, until = cleaned.get("since"), cleaned.get("until")
        if since and until and since > until:
            raise forms.ValidationError(_("The start date must not be after the end date."))
        return cleaned

    def filter(self, queryset):
        if not self.is_valid():
            return queryset.none()
        data = self.cleaned_data
        return queryset.between(data["since"], data["until"]).in_language(data["language"])
