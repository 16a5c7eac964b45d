"""Pages and news in the back office (issue 19): write in German and English, preview as the
portal will show it, save as a draft or publish now or at a time, attach photos, read and
restore the history, moderate readers' comments. The content services check every
permission again."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from partnerwerk.content import services
from partnerwerk.content.files import image_file_response
from partnerwerk.content.models import Article, ArticleImage, Comment, CommentStatus, Page
from partnerwerk.content.richtext import rich_text
from partnerwerk.core.services import record_revert
from partnerwerk.office.access import office_view, require_perm
from partnerwerk.office.forms_content import ArticleForm, ImageForm, ModerationForm, PageForm
from partnerwerk.office.selectors import history_entries


def _errors(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, problems in error.message_dict.items():
            form.add_error(field if field in form.fields else None, problems)
    else:
        form.add_error(None, error.messages)


@require_GET
@office_view
def content_index(request):
    require_perm(request, "content.change_article")
    context = {
        "pages": Page.objects.order_by("title_de"),
        "articles": Article.objects.order_by("-publish_at", "-pk")[:200],
        "pending": Comment.objects.filter(status=CommentStatus.PENDING).count(),
        "deleted": [
            {"kind": kind, "record": record}
            for kind, (model, *_rest) in KINDS.items()
            for record in model.all_objects.filter(deleted_at__isnull=False).order_by("-deleted_at")
        ],
        "may_restore": request.user.has_perm("office.restore"),
    }
    return render(request, "content/index.html", context)


def _preview(form) -> list[dict]:
    """The texts of the form as the portal will show them, in both languages."""
    data = form.cleaned_data
    return [
        {
            "language": language,
            "label": label,
            "title": data.get(f"title_{language}", ""),
            "lead": data.get(f"lead_{language}", ""),
            "body": rich_text(data.get(f"body_{language}", "")),
        }
        for language, label in (("de", _("German")), ("en", _("English")))
    ]


KINDS = {
    "articles": (Article, ArticleForm, services.article_save, "article"),
    "pages": (Page, PageForm, services.page_save, "page"),
}


@require_http_methods(["GET", "POST"])
@office_view
def text_edit(request, kind: str, pk: int | None = None):
    """A new or existing page or article; "preview" shows it without saving."""
    model, form_class, save, name = KINDS[kind]
    record = get_object_or_404(model.objects.all(), pk=pk) if pk else None
    require_perm(request, f"content.{'change' if record else 'add'}_{name}", record)
    form = form_class(request.POST or None, instance=record, user=request.user)
    preview = None
    if request.method == "POST" and form.is_valid():
        if request.POST.get("action") == "preview":
            preview = _preview(form)
        else:
            try:
                record = save(actor=request.user, **{name: record}, **form.service_fields())
            except ValidationError as error:
                _errors(form, error)
            else:
                messages.success(request, _("Saved."))
                return redirect(f"office:{kind}-edit", pk=record.pk)
    context = {
        "form": form,
        "record": record,
        "kind": {"slug": kind},
        "preview": preview,
        "images": list(record.images.all()) if kind == "articles" and record else [],
        "image_form": ImageForm() if kind == "articles" and record else None,
    }
    status = 400 if request.method == "POST" and form.errors else 200
    return render(request, f"content/{name}_form.html", context, status=status)


@require_http_methods(["GET", "POST"])
@office_view
def text_delete(request, kind: str, pk: int):
    """A GET asks first, naming the text; a POST deletes it (the office can restore it)."""
    model, _form, _save, name = KINDS[kind]
    record = get_object_or_404(model.objects.all(), pk=pk)
    require_perm(request, f"content.delete_{name}", record)
    if request.method == "POST":
        try:
            services.text_delete(actor=request.user, record=record)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect(f"office:{kind}-edit", pk=record.pk)
        messages.success(request, _("Deleted. It can be restored below."))
        return redirect("office:content")
    return render(request, "content/delete.html", {"record": record, "kind": {"slug": kind}})


@require_POST
@office_view
def text_restore(request, kind: str, pk: int):
    model = KINDS[kind][0]
    record = get_object_or_404(model.all_objects.filter(deleted_at__isnull=False), pk=pk)
    require_perm(request, "office.restore", record)
    services.text_restore(actor=request.user, record=record)
    messages.success(request, _("Restored."))
    return redirect("office:content")


@require_POST
@office_view
def image_add(request, pk: int):
    article = get_object_or_404(Article.objects.all(), pk=pk)
    require_perm(request, "content.change_article", article)
    form = ImageForm(request.POST, request.FILES)
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.article_add_image(
                actor=request.user,
                article=article,
                upload=data["upload"],
                credit=data["credit"],
                alt_text_de=data["alt_text_de"],
                alt_text_en=data["alt_text_en"],
            )
        except ValidationError as error:
            _errors(form, error)
        else:
            messages.success(request, _("The photo is added."))
            return redirect("office:articles-edit", pk=article.pk)
    context = {
        "form": ArticleForm(instance=article, user=request.user),
        "record": article,
        "kind": {"slug": "articles"},
        "images": list(article.images.all()),
        "image_form": form,
    }
    return render(request, "content/article_form.html", context, status=400)


@require_POST
@office_view
def image_remove(request, pk: int, image_pk: int):
    image = get_object_or_404(ArticleImage.objects.select_related("article"), pk=image_pk)
    if image.article_id != pk:
        raise Http404
    require_perm(request, "content.change_article", image.article)
    services.article_remove_image(actor=request.user, image=image)
    messages.success(request, _("The photo is removed."))
    return redirect("office:articles-edit", pk=pk)


@require_GET
@office_view
def image_file(request, name: str):
    """A rendition for the office's preview, drafts included; not kept by browsers."""
    require_perm(request, "content.change_article")
    return image_file_response(name, public_only=False)


@require_GET
@office_view
def text_history(request, kind: str, pk: int):
    model = KINDS[kind][0]
    require_perm(request, "office.view_history")
    record = get_object_or_404(model.all_objects.all(), pk=pk)
    context = {
        "kind": {"slug": kind},
        "record": record,
        "entries": history_entries(record),
        "may_restore": request.user.has_perm("office.restore", record),
    }
    return render(request, "office/record_history.html", context)


@require_POST
@office_view
def text_revert(request, kind: str, pk: int, history_id: int):
    model = KINDS[kind][0]
    record = get_object_or_404(model.all_objects.all(), pk=pk)
    require_perm(request, "office.restore", record)
    try:
        record_revert(actor=request.user, record=record, history_id=history_id)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The earlier version is restored."))
    return redirect(f"office:{kind}-history", pk=record.pk)


@require_http_methods(["GET", "POST"])
@office_view
def comments(request):
    """Comments waiting for moderation, oldest first, and the last ones decided."""
    require_perm(request, "content.moderate_comment")
    if request.method == "POST":
        form = ModerationForm(request.POST)
        if not form.is_valid():
            raise Http404
        services.comment_moderate(
            actor=request.user,
            comment=form.cleaned_data["comment"],
            approve=form.cleaned_data["approve"],
        )
        messages.success(
            request,
            _("The comment is approved.")
            if form.cleaned_data["approve"]
            else _("The comment is rejected."),
        )
        return redirect("office:comments")
    queryset = Comment.objects.select_related("article", "moderated_by")
    context = {
        "pending": queryset.filter(status=CommentStatus.PENDING).order_by("created_at"),
        "decided": queryset.exclude(status=CommentStatus.PENDING).order_by("-moderated_at")[:50],
    }
    return render(request, "content/comments.html", context)
