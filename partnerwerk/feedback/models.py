from django.db import models
from django.utils.translation import gettext_lazy as _

from partnerwerk.core.models import TimeStampedModel


class Feedback(TimeStampedModel):
    """A message sent through the accessibility statement's feedback form."""

    message = models.TextField(_("message"), max_length=5000)
    email = models.EmailField(
        _("email"), blank=True, help_text=_("Only if the sender wants an answer.")
    )
    page = models.CharField(
        _("page"), max_length=500, blank=True, help_text=_("The page the feedback is about.")
    )
    language = models.CharField(_("language"), max_length=10, blank=True)
    handled = models.BooleanField(_("handled"), default=False)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("feedback")
        verbose_name_plural = _("feedback")

    def __str__(self):
        return self.message[:60]
