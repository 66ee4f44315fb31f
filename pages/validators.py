from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _


def validate_document_size(file):
    if file.size > settings.DOCUMENT_MAX_BYTES:
        raise ValidationError(
            _("The file is too large (%(size)s). The limit is %(limit)s."),
            params={
                "size": filesizeformat(file.size),
                "limit": filesizeformat(settings.DOCUMENT_MAX_BYTES),
            },
            code="file_too_large",
        )
