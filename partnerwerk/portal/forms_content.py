from django import forms
from django.utils.translation import gettext_lazy as _


class CommentForm(forms.Form):
    name = forms.CharField(
        label=_("Your name"),
        max_length=80,
        help_text=_("Shown with your comment; a first name is enough."),
    )
    text = forms.CharField(
        label=_("Your comment"), max_length=2000, widget=forms.Textarea(attrs={"rows": 5})
    )
