"""要確認: what an edition does to a provision whose commentary trails it, in words for the page and the CLI."""

from __future__ import annotations

from guideline.labels import label
from guideline.model.edition import Edition
from guideline.model.guideline import Guideline
from guideline.site.cite import citation_label, edition_name


def _listed(guideline: Guideline, values: list[str]) -> str:
    return ("、" if guideline.lang == "ja" else ", ").join(values)


def _when(guideline: Guideline, edition: Edition) -> tuple[str, bool]:
    """An edition as 要確認 names it, and whether its change is still to come (改正案 or 施行予定)."""
    name = edition_name(guideline, edition)
    if edition.is_draft:
        return label(guideline, "review_draft", edition=name), True
    if edition in guideline.scheduled:
        return label(guideline, "review_scheduled", edition=name), True
    return name, False


def review_note(guideline: Guideline, provision_id: str) -> tuple[str, str] | None:
    """要確認: what the edition does to the provision and what to check in its commentary, and the
    edition its ``reviewed:`` should name once that is done; or None."""
    due = guideline.review(provision_id)
    commentary = guideline.commentaries.get(provision_id)
    if due is None or commentary is None:
        return None
    name, future = _when(guideline, due.edition)
    key = f"review_{'future' if future else 'past'}_{due.reason}"
    if key == "review_past_modified":
        key = "review_due"
    values = {
        "changed": name,
        "reviewed": label(guideline, "edition", name=commentary.reviewed),
        "number": due.row.new.number if due.row is not None and due.row.new is not None else "",
        "taken": _listed(guideline, [citation_label(guideline, pid) for pid in due.taken_from]),
    }
    return label(guideline, key, **values), due.edition.name if future else guideline.current.name


def removed_reference_messages(guideline: Guideline) -> list[str]:
    """要確認: ``file:line: …`` for each cross-reference to a provision an edition deletes."""
    out = []
    for ref in guideline.removed_references:
        name, future = _when(guideline, ref.edition)
        tense = "future" if future else "past"
        joined = _listed(guideline, [f"'clause:{s}'" for s in ref.successors])
        then = label(
            guideline, f"review_reference_{'successors' if ref.successors else 'none'}_{tense}", successors=joined
        )
        message = label(guideline, f"review_reference_{tense}", target=ref.target, changed=name, then=then)
        out.append(f"{ref.path}:{ref.line}: {message}")
    return out
