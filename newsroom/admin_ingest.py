"""The article admin's pages for importing a text and deciding on the proposals it yields."""

from django import forms
from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from newsroom.ingest.reading import MAX_BYTES
from newsroom.models import Article, Proposal
from newsroom.review import Reviewer, proposal_label
from newsroom.services import ERROR, NEW, ingest_text, proposal_accept, proposal_reject

Decision = Proposal.Decision


def pending(article: Article):
    """The article's proposals still waiting for a decision, read afresh."""
    return article.proposals.filter(decision=Decision.PENDING)


class ArticleImportForm(forms.Form):
    """An article's text, pasted or uploaded: one of the two."""

    text = forms.CharField(
        label=_("Text"),
        required=False,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 18, "cols": 80, "class": "vLargeTextField"}),
        help_text=_(
            "Plain text. Optional header lines “key: value” (title, source, date, outlet, "
            "language, author) may come first, followed by a blank line."
        ),
    )
    file = forms.FileField(
        label=_("Or a file"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": ".txt,text/plain"}),
        help_text=_("A plain-text file in UTF-8, at most 1 MB."),
    )

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        # The size is known from the upload itself: a large file is refused unread.
        if upload is not None and upload.size > MAX_BYTES:
            raise ValidationError(
                _("The file is larger than 1 MB (%(size)d bytes)."),
                code="too_large",
                params={"size": upload.size},
            )
        return upload

    def clean(self):
        cleaned = super().clean()
        pasted = (cleaned.get("text") or "").strip()
        if pasted and cleaned.get("file"):
            raise ValidationError(
                _("Paste a text or choose a file, not both."), code="text_and_file"
            )
        if not pasted and not cleaned.get("file") and not self.has_error("file"):
            raise ValidationError(
                _("The form is empty: paste the article's text or choose a file."), code="empty"
            )
        return cleaned

    @property
    def source_field(self) -> str:
        """The field the text came from, where an error about it belongs."""
        return "file" if self.cleaned_data.get("file") else "text"

    def source(self) -> tuple[str | bytes, str | None]:
        """The text as given, undecoded if uploaded, and the file's name."""
        upload = self.cleaned_data.get("file")
        if upload is not None:
            return upload.read(MAX_BYTES + 1), upload.name
        return self.cleaned_data["text"], None


class DecisionForm(forms.Form):
    """A decision posted from the review page: on one proposal, or on all pending ones."""

    ACCEPT, REJECT = "accept", "reject"
    ACCEPT_PENDING, REJECT_PENDING = "accept_pending", "reject_pending"

    decide = forms.ChoiceField(
        choices=[
            (ACCEPT, _("Accept")),
            (REJECT, _("Reject")),
            (ACCEPT_PENDING, _("Accept all pending")),
            (REJECT_PENDING, _("Reject all pending")),
        ]
    )
    proposal = forms.ModelChoiceField(queryset=Proposal.objects.none(), required=False)

    def __init__(self, *args, article: Article, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["proposal"].queryset = article.proposals.all()

    def clean(self):
        cleaned = super().clean()
        one = cleaned.get("decide") in (self.ACCEPT, self.REJECT)
        if one and not cleaned.get("proposal"):
            raise ValidationError(_("No proposal was chosen."), code="no_proposal")
        return cleaned


class ArticleIngestMixin:
    """Pages of the article admin: "Import an article", and the review of its proposals."""

    import_export_change_list_template = "admin/newsroom/article/change_list.html"
    change_form_template = "admin/newsroom/article/change_form.html"
    ingest_template = "admin/newsroom/article/ingest.html"
    review_template = "admin/newsroom/article/review.html"

    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        wrap = self.admin_site.admin_view
        return [
            path("ingest/", wrap(self.ingest_view), name="{}_{}_ingest".format(*info)),
            path(
                "<path:object_id>/review/",
                wrap(self.review_view),
                name="{}_{}_review".format(*info),
            ),
            *super().get_urls(),
        ]

    def review_url(self, article: Article) -> str:
        info = self.opts.app_label, self.opts.model_name
        return reverse("admin:{}_{}_review".format(*info), args=[article.pk])

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None and obj.pk:
            context["pending_proposals"] = pending(obj).count()
        return super().render_change_form(request, context, add, change, form_url, obj)

    def ingest_view(self, request):
        if not self.has_add_permission(request):
            raise PermissionDenied
        form = ArticleImportForm()
        if request.method == "POST":
            form = ArticleImportForm(request.POST, request.FILES)
        if form.is_bound and form.is_valid():
            text, name = form.source()
            result = ingest_text(text=text, path=name, user=request.user)
            if result.status == ERROR:
                form.add_error(form.source_field, result.error)
            else:
                article = Article.objects.get(pk=result.article_id)
                self.report_import(request, article, new=result.status == NEW)
                return HttpResponseRedirect(self.review_url(article))
        context = {
            **self.admin_site.each_context(request),
            "title": _("Import an article"),
            "opts": self.opts,
            "form": form,
            "has_view_permission": self.has_view_permission(request),
        }
        return TemplateResponse(request, self.ingest_template, context)

    def report_import(self, request, article: Article, *, new: bool) -> None:
        if not new:
            messages.warning(
                request,
                _("This text already exists as “%(title)s”: nothing was created.")
                % {"title": article.title},
            )
            return
        self.log_addition(request, article, [{"added": {}}])
        count = article.proposals.count()
        message = ngettext(
            "“%(title)s” was imported as a draft with %(count)d proposal to review.",
            "“%(title)s” was imported as a draft with %(count)d proposals to review.",
            count,
        )
        messages.success(request, message % {"title": article.title, "count": count})

    def review_view(self, request, object_id):
        article = self.get_object(request, unquote(object_id))
        if article is None:
            return self._get_obj_does_not_exist_redirect(request, self.opts, object_id)
        if not self.has_change_permission(request, article):
            raise PermissionDenied
        if request.method == "POST":
            anchor = self.decide(request, article)
            return HttpResponseRedirect(self.review_url(article) + anchor)
        proposals = article.proposals.select_related("decided_by").prefetch_related("target")
        counts = {decision: 0 for decision in Decision.values}
        for proposal in proposals:
            counts[proposal.decision] += 1
        context = {
            **self.admin_site.each_context(request),
            "title": _("Review the proposals of “%(title)s”") % {"title": article.title},
            "opts": self.opts,
            "article": article,
            "original": article,
            "groups": Reviewer(proposals).groups(),
            "counts": counts,
            "has_view_permission": self.has_view_permission(request, article),
        }
        return TemplateResponse(request, self.review_template, context)

    def decide(self, request, article: Article) -> str:
        """Apply the posted decision; the anchor of the row to go back to."""
        form = DecisionForm(request.POST, article=article)
        if not form.is_valid():
            messages.error(request, _("The decision could not be read: nothing was changed."))
            return ""
        decide, proposal = form.cleaned_data["decide"], form.cleaned_data["proposal"]
        if decide == DecisionForm.ACCEPT:
            self.accept(request, proposal)
        elif decide == DecisionForm.REJECT:
            self.reject(request, proposal)
        elif decide == DecisionForm.ACCEPT_PENDING:
            self.accept_pending(request, article)
        else:
            self.reject_pending(request, article)
        return f"#proposal-{proposal.pk}" if proposal else ""

    def accept(self, request, proposal: Proposal) -> None:
        was = proposal.decision
        before = pending(proposal.article).count()
        label = proposal_label(proposal)
        try:
            record = proposal_accept(proposal=proposal, user=request.user)
        except ValidationError as error:
            messages.error(request, self.refusal(label, error))
            return
        if was == Decision.ACCEPTED:
            messages.info(
                request,
                _("“%(label)s” was already accepted: nothing new was created.") % {"label": label},
            )
            return
        self.log_change(request, proposal.article, _("Accepted: %(label)s") % {"label": label})
        message = _("“%(label)s” accepted: %(record)s.") % {"label": label, "record": record}
        others = before - pending(proposal.article).count() - (was == Decision.PENDING)
        if others > 0:
            message += " " + ngettext(
                "%(count)d other proposal it depends on was accepted with it.",
                "%(count)d other proposals it depends on were accepted with it.",
                others,
            ) % {"count": others}
        messages.success(request, message)

    def reject(self, request, proposal: Proposal) -> None:
        label = proposal_label(proposal)
        proposal_reject(proposal=proposal, user=request.user)
        self.log_change(request, proposal.article, _("Rejected: %(label)s") % {"label": label})
        messages.success(request, _("“%(label)s” rejected.") % {"label": label})

    def accept_pending(self, request, article: Article) -> None:
        before = list(pending(article))
        order = list(Proposal.Kind.values)
        for proposal in sorted(before, key=lambda p: (order.index(p.kind), p.position)):
            # Accepting a visit or a meeting accepts the people it names on the way.
            if pending(article).filter(pk=proposal.pk).exists():
                try:
                    proposal_accept(proposal=proposal, user=request.user)
                except ValidationError as error:
                    messages.error(request, self.refusal(proposal_label(proposal), error))
        count = len(before) - pending(article).count()
        if count:
            self.log_change(request, article, _("Accepted all pending proposals."))
        message = ngettext("%(count)d proposal accepted.", "%(count)d proposals accepted.", count)
        messages.success(request, message % {"count": count})

    def reject_pending(self, request, article: Article) -> None:
        rejected = list(pending(article))
        for proposal in rejected:
            proposal_reject(proposal=proposal, user=request.user)
        if rejected:
            self.log_change(request, article, _("Rejected all pending proposals."))
        count = len(rejected)
        message = ngettext("%(count)d proposal rejected.", "%(count)d proposals rejected.", count)
        messages.success(request, message % {"count": count})

    @staticmethod
    def refusal(label: str, error: ValidationError) -> str:
        return _("“%(label)s” was not accepted. %(reason)s") % {
            "label": label,
            "reason": " ".join(str(message) for message in error.messages),
        }
