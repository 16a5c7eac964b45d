"""Forms of the applicants' pages (issue 17): sign-up, sign-in, application, cost plan,
attachments and proof of use. The services check everything that matters again."""

from django import forms
from django.utils.translation import gettext_lazy as _

from partnerwerk.grants.models import Applicant, Application
from partnerwerk.partnerships.models import Partnership
from partnerwerk.sdg.models import Goal


class SignUpForm(forms.Form):
    name = forms.CharField(label=_("Name of the association"), max_length=200)
    address = forms.CharField(
        label=_("Address"), max_length=500, widget=forms.Textarea(attrs={"rows": 3})
    )
    register_number = forms.CharField(
        label=_("Register number (optional)"),
        max_length=50,
        required=False,
        help_text=_("E.g. VR 1234, Amtsgericht Dortmund."),
    )
    contact_name = forms.CharField(label=_("Contact person"), max_length=200)
    phone = forms.CharField(label=_("Phone (optional)"), max_length=50, required=False)
    email = forms.EmailField(
        label=_("E-mail address"), help_text=_("You sign in with it; we send a link to confirm it.")
    )
    password = forms.CharField(
        label=_("Password"),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("At least 12 characters."),
    )


class ProfileForm(forms.ModelForm):
    class Meta:
        model = Applicant
        fields = ["name", "address", "register_number", "contact_name", "contact_email", "phone"]
        labels = {
            "name": _("Name of the association"),
            "address": _("Address"),
            "register_number": _("Register number (optional)"),
            "contact_name": _("Contact person"),
            "contact_email": _("E-mail address"),
            "phone": _("Phone (optional)"),
        }
        widgets = {"address": forms.Textarea(attrs={"rows": 3})}


class SignInForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address"))
    password = forms.CharField(
        label=_("Password"), widget=forms.PasswordInput(attrs={"autocomplete": "current-password"})
    )


class ApplicationForm(forms.ModelForm):
    partnership = forms.ModelChoiceField(
        label=_("Partnership (optional)"),
        queryset=Partnership.objects.none(),
        required=False,
    )
    sdgs = forms.ModelMultipleChoiceField(
        label=_("Sustainable Development Goals"),
        queryset=Goal.objects.order_by("number"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Application
        fields = [
            "project_title",
            "project_description",
            "partner_country",
            "partnership",
            "sdgs",
            "amount_requested",
        ]
        labels = {
            "project_title": _("Project title"),
            "project_description": _("Project description"),
            "partner_country": _("Partner country"),
            "amount_requested": _("Amount requested in euros"),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["partnership"].queryset = Partnership.objects.curated().order_by("pk")


class CostLineForm(forms.Form):
    description = forms.CharField(label=_("Cost item"), max_length=200, required=False)
    amount = forms.DecimalField(
        label=_("Amount in euros"), max_digits=12, decimal_places=2, min_value=0, required=False
    )


CostLineFormSet = forms.formset_factory(CostLineForm, extra=2, max_num=50)


class AttachmentForm(forms.Form):
    title = forms.CharField(label=_("Title of the document"), max_length=200)
    file = forms.FileField(label=_("File"), help_text=_("PDF, JPEG, PNG or WebP, at most 20 MB."))


class ProofForm(forms.Form):
    report = forms.CharField(
        label=_("Short report"), max_length=10000, widget=forms.Textarea(attrs={"rows": 6})
    )
    spent = forms.DecimalField(
        label=_("Spent in euros"), max_digits=12, decimal_places=2, min_value=0
    )
    receipt_title = forms.CharField(label=_("Title of the receipt"), max_length=200)
    receipt = forms.FileField(
        label=_("Receipt"), help_text=_("PDF, JPEG, PNG or WebP, at most 20 MB.")
    )
