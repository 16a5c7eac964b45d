"""Texts of a joint programme in the reader's language, marked where the translation is
missing: "Shade for school yards (nur auf Englisch)" on a German page (decision 0029).

    {% load programmes %}
    {% translated measure "title" %}          inline
    {% translated goal "description" True %}  paragraphs
"""

from django import template
from django.utils.html import format_html, linebreaks
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from partnerwerk.core.models import localized_text

register = template.Library()


def missing_translation_mark(language: str) -> str:
    """What a page says after a text shown in another language than the reader's."""
    return _("(German only)") if language == "de" else _("(English only)")


@register.simple_tag
def translated(record, field: str, paragraphs: bool = False):
    text = localized_text(record, field)
    if not text.text:
        return ""
    body = mark_safe(linebreaks(text.text)) if paragraphs else text.text
    tag = "div" if paragraphs else "span"
    if not text.fallback:
        return format_html("<{0}>{1}</{0}>", tag, body) if paragraphs else text.text
    return format_html(
        '<{0} lang="{1}">{2}</{0}> <span class="fallback-mark">{3}</span>',
        tag,
        text.language,
        body,
        missing_translation_mark(text.language),
    )


@register.filter
def is_late(measure, today) -> bool:
    """The measure's end date has passed and it is neither completed nor cancelled."""
    return measure.is_late(today)


@register.filter
def progress_text(progress) -> str:
    """An indicator's progress in words: "40 % of the way from the baseline to the target"."""
    from partnerwerk.action_programmes.progress import ProgressState

    if progress.state == ProgressState.INCOMPLETE:
        return _("Baseline or target not stated yet.")
    if progress.state == ProgressState.NO_READINGS:
        return _("No value measured yet.")
    if progress.state == ProgressState.NO_DISTANCE:
        if progress.reached:
            return _("The target equals the baseline; the latest value still meets it.")
        return _("The target equals the baseline; the latest value does not meet it.")
    text = _("%(percent)s %% of the way from the baseline to the target") % {
        "percent": progress.percent
    }
    return f"{text} ({_('reached')})" if progress.reached else text


@register.filter
def number(value) -> str:
    """A measured value without trailing zeros, in the reader's format: "1.250,5"."""
    from django.utils import formats

    if value is None:
        return "–"
    return formats.number_format(value.normalize(), use_l10n=True, force_grouping=True)
