"""Forms of pages, news, photos and comments: they parse the office's input; the content
services clean the text and write."""

from django import forms
from django.utils.translation import gettext_lazy as _

from partnerwerk.content.models import Article, ArticleImage, Comment, Page, Publication
from partnerwerk.office.forms import ReadableChoicesMixin
from partnerwerk.partnerships.models import Partnership
from partnerwerk.projects.models import Project

# Shown and read in the office's time zone (Europe/Berlin), like every time of the office.
DATE_TIME = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
TEXT = {"rows": 12}
PUBLICATION_HELP = _(
    "A draft is seen only in the office. A published text appears on the portal at the time "
    "given (empty: now); a time in the future schedules it."
)


def _partnerships():
    return Partnership.objects.curated().select_related("home", "partner")


def _projects():
    return Project.objects.order_by("title_de")


class TextForm(ReadableChoicesMixin, forms.ModelForm):
    """What a page and an article share: address, titles, texts and publication."""

    offered = {"partnerships": _partnerships, "projects": _projects}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["key"].required = False
        self.fields["key"].help_text = _(
            "The last part of its address; made from the German title when left empty."
        )
        self.fields["status"].widget = forms.RadioSelect(choices=Publication.choices)
        self.fields["status"].help_text = PUBLICATION_HELP
        self.fields["publish_at"].input_formats = ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"]

    def service_fields(self) -> dict:
        return dict(self.cleaned_data)


class PageForm(TextForm):
    class Meta:
        model = Page
        fields = ["title_de", "title_en", "key", "body_de", "body_en", "status", "publish_at"]
        widgets = {
            "body_de": forms.Textarea(attrs=TEXT),
            "body_en": forms.Textarea(attrs=TEXT),
            "publish_at": DATE_TIME,
        }


class ArticleForm(TextForm):
    class Meta:
        model = Article
        fields = [
            "title_de",
            "title_en",
            "key",
            "lead_de",
            "lead_en",
            "body_de",
            "body_en",
            "partnerships",
            "projects",
            "goals",
            "status",
            "publish_at",
            "comments_enabled",
        ]
        widgets = {
            "lead_de": forms.Textarea(attrs={"rows": 3}),
            "lead_en": forms.Textarea(attrs={"rows": 3}),
            "body_de": forms.Textarea(attrs=TEXT),
            "body_en": forms.Textarea(attrs=TEXT),
            "publish_at": DATE_TIME,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["body_en"].help_text = self.fields["body_de"].help_text


class ImageForm(forms.ModelForm):
    upload = forms.ImageField(
        label=_("photo"), help_text=_("JPEG, PNG or WebP, at most 15 MB; resized on upload.")
    )

    class Meta:
        model = ArticleImage
        fields = ["upload", "credit", "alt_text_de", "alt_text_en"]


class ModerationForm(forms.Form):
    comment = forms.ModelChoiceField(queryset=Comment.objects.all(), widget=forms.HiddenInput)
    approve = forms.TypedChoiceField(
        choices=[("1", _("Approve")), ("0", _("Reject"))], coerce=lambda value: value == "1"
    )
