"""The domain package on its own: editions, numbering, commentary, cross-references."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from datetime import date

import pytest
from conftest import ROOT, TINY_EDITION, Site, commentary

from guideline.model.commentary import parse_commentary
from guideline.model.dates import wareki
from guideline.model.edition import parse_edition
from guideline.model.project import load
from guideline.problems import GuidelineError, Problems
from guideline.site.pages import md_link, url_link


def line_of(text: str, needle: str) -> int:
    """The 1-based line of the first occurrence of ``needle``."""
    return next(i for i, line in enumerate(text.splitlines(), start=1) if needle in line)


def edition(text: str = TINY_EDITION) -> tuple[object, Problems]:
    problems = Problems()
    return parse_edition(text, "editions/1.ja.md", "ja", problems), problems


def test_numbers_are_derived_from_position() -> None:
    parsed, problems = edition()
    assert not problems
    numbers = {p.id: p.number for p in parsed.provisions.values()}  # type: ignore[attr-defined]
    assert numbers == {
        "preamble": "",
        "purpose": "1",
        "principles": "2",
        "accuracy": "2(1)",
        "prohibited": "2(2)",
        "rumors": "2(2)①",
    }


def test_inserting_a_provision_renumbers_the_rest_and_keeps_ids() -> None:
    text = TINY_EDITION.replace(
        "- 正確に書かなければなりません。 {#accuracy}",
        "- 新しい条項です。 {#new-rule}\n- 正確に書かなければなりません。 {#accuracy}",
    )
    parsed, _ = edition(text)
    provisions = parsed.provisions  # type: ignore[attr-defined]
    assert provisions["new-rule"].number == "2(1)"
    assert provisions["accuracy"].number == "2(2)"
    assert provisions["rumors"].number == "2(3)①"


def test_provision_keeps_its_source_line_and_parent() -> None:
    parsed, _ = edition()
    rumors = parsed.provisions["rumors"]  # type: ignore[attr-defined]
    assert rumors.parent == "prohibited"
    assert TINY_EDITION.splitlines()[rumors.line - 1].strip().startswith("- 単なる噂")


def test_duplicate_id_names_both_lines() -> None:
    text = TINY_EDITION.replace("{#rumors}", "{#accuracy}")
    _, problems = edition(text)
    assert [str(p) for p in problems.items] == [
        f"editions/1.ja.md:{line_of(text, '単なる噂')}: エラー: 条項の ID「accuracy」は"
        f"{line_of(text, '正確に')}行目でも使われています。この条項には新しい ID を付けてください。"
    ]


def test_provision_without_id_is_reported() -> None:
    _, problems = edition(TINY_EDITION.replace(" {#rumors}", ""))
    line = line_of(TINY_EDITION, "単なる噂")
    assert f"editions/1.ja.md:{line}: エラー: 条項の行末に ID がありません。" in str(problems.items[0])
    assert problems.items[0].id == "edition.no_id"


def test_edition_text_is_the_source_verbatim_with_numbers_derived() -> None:
    """Each heading and text of the source, its typed number removed, is a provision's, in the same order."""
    real, problems = edition((ROOT / "editions/1.ja.md").read_text(encoding="utf-8"))
    assert not problems
    source = (ROOT / "tests/fixtures/guideline.ja.txt").read_text(encoding="utf-8").splitlines()
    expected = []
    for raw in source[3:]:  # after the title
        line = re.sub(r"^(### \d+ |- \(\d+\) |\s+- [①-⑳])", "", raw).strip()
        if line:
            expected.append(line)
    provisions = list(real.provisions.values())  # type: ignore[attr-defined]
    parsed = [part for p in provisions for part in ([p.heading] if p.kind == "chapter" else []) + p.paragraphs]
    assert parsed == expected
    numbers = [p.label for p in provisions if p.kind != "preamble"]
    assert numbers[:4] == ["1", "2", "(1)", "(2)"] and numbers[-6:-5] == ["4"]
    assert "場合にあつては" in provisions[-1].text  # written as in the source, not modernised


def test_commentary_parses_examples_and_faqs() -> None:
    problems = Problems()
    parsed = parse_commentary(commentary("accuracy"), "docs/clauses/accuracy.md", problems)
    assert not problems
    assert [e.verdict for e in parsed.examples] == ["OK", "NG", "caution", "caution"]
    assert parsed.examples[0].fields["post"] == "はにぼんだよ！"
    assert [f.anchor for f in parsed.faqs] == ["q1", "q2", "q3"]
    assert [text for _, text in parsed.related] == ["[](clause:purpose)"]


def test_multiline_post_keeps_its_line_breaks() -> None:
    text = commentary("accuracy").replace("  はにぼんだよ？\n", "  一行目\n  二行目\n")
    parsed = parse_commentary(text, "x.md", Problems())
    assert parsed.examples[1].fields["post"] == "一行目\n二行目"


def test_every_problem_of_a_page_is_reported_at_once() -> None:
    text = commentary("accuracy").replace("- 判断: OK\n", "").replace("- 判断: NG", "- 判断: だめ")
    problems = Problems()
    parse_commentary(text, "docs/clauses/accuracy.md", problems)
    messages = [str(p.message) for p in problems.items]
    assert (
        "事例「よい例」に判断がありません。「- 判断: …」の行を加え、OK、NG、要注意 のどれかを書いてください。"
        in messages
    )
    assert "判断「だめ」は使えません。OK、NG、要注意 のどれかにしてください。" in messages


def test_malformed_front_matter_points_at_the_line() -> None:
    text = commentary("accuracy").replace("title: 見出し", "title: [見出し")
    problems = Problems()
    parse_commentary(text, "docs/clauses/accuracy.md", problems)
    assert str(problems.items[0]).startswith(
        "docs/clauses/accuracy.md:4: エラー: 前付けのこの行の9文字目あたりが読めません。"
    )
    assert "mapping" not in str(problems.items[0]) and "flow" not in str(problems.items[0])  # no PyYAML wording


def test_real_guideline_loads_without_problems() -> None:
    guideline = load(ROOT)
    assert guideline.current.name == "1"
    needing = [p.id for p in guideline.current.provisions.values() if guideline.needs_commentary(p)]
    assert len(needing) == 20
    assert set(needing) <= set(guideline.commentaries)


def test_unknown_reference_suggests_the_closest_id(tiny_site: Site) -> None:
    page = tiny_site.root / "docs/clauses/accuracy.md"
    text = page.read_text(encoding="utf-8").replace("clause:purpose", "clause:purpos")
    page.write_text(text, encoding="utf-8")
    with pytest.raises(GuidelineError) as raised:
        load(tiny_site.root)
    assert [str(p) for p in raised.value.problems.items] == [
        f"docs/clauses/accuracy.md:{line_of(text, 'clause:purpos')}: エラー: "
        "リンク先「clause:purpos」という条項はありません。「purpose」のことですか。"
    ]


def test_wareki_shows_era_with_western_year() -> None:
    assert wareki(date(2026, 4, 1)) == "令和8年(2026年)4月1日"
    assert wareki(date(2019, 5, 1)) == "令和元年(2019年)5月1日"
    assert wareki(date(2019, 4, 30)) == "平成31年(2019年)4月30日"
    assert wareki(None) == "未記載"


def test_links_between_pages() -> None:
    assert md_link("clauses/accuracy.md", "text.md", "accuracy") == "../text.md#accuracy"
    assert url_link("clauses/accuracy.md", "text.md", "accuracy") == "../../text/#accuracy"
    assert url_link("text.md", "text.md", "accuracy") == "./#accuracy"
    assert url_link("index.md", "clauses/rumors.md") == "clauses/rumors/"


def test_latin_glossary_terms_match_whole_words_only() -> None:
    from guideline.model.glossary import Term
    from guideline.site.glossary import annotate_terms

    terms = [Term("stake", "stake", (), "An interest.", 1), Term("kokai", "公開", (), "Publication.", 2)]
    html = annotate_terms("<p>A mistake, a stake, 非公開</p>", terms, "../glossary/")
    assert html == (
        '<p>A mistake, a <a class="glossary-term" href="../glossary/#stake" title="An interest.">stake</a>, '
        '非<a class="glossary-term" href="../glossary/#kokai" title="Publication.">公開</a></p>'
    )


def test_document_keeps_its_html_out_of_markdown_and_puts_it_back() -> None:
    import markdown

    from guideline.site.document import Document, Html

    document = Document(["# Title", "", Html('<div class="box">*not* Markdown</div>'), "", "*Markdown*"])
    assert "box" not in document.markdown
    assert document.text == '# Title\n\n<div class="box">*not* Markdown</div>\n\n*Markdown*'
    converted = markdown.markdown(document.markdown)
    assert document.fill(converted) == (
        '<h1>Title</h1>\n<div class="box">*not* Markdown</div>\n<p><em>Markdown</em></p>'
    )
    with pytest.raises(ValueError, match="1 HTML blocks to put back, 0 placeholders found"):
        document.fill("<h1>Title</h1>")


def test_the_domain_imports_no_site_generator() -> None:
    """Another generator can take over: no module of guideline/ imports MkDocs, Material or i18n."""
    modules = sorted(
        ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
        for path in (ROOT / "guideline").rglob("*.py")
    )
    assert "guideline.site.plan" in modules and "guideline.model.project" in modules
    script = f"import importlib, sys\nfor m in {modules!r}: importlib.import_module(m)\nprint(sorted(sys.modules))"
    loaded = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout
    assert not re.search(r"'(mkdocs|material|mkdocs_static_i18n)[.']", loaded)
    for path in (ROOT / "guideline").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import | ast.ImportFrom):
                names = [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module or ""]
                assert not [n for n in names if n.split(".")[0] in {"mkdocs", "material"}], path


def test_the_model_and_checks_do_not_reach_into_the_site_or_the_cli() -> None:
    """Rooms depend one way: site and cli use the model and checks, never the reverse."""
    upward = []
    for room in ("model", "checks"):
        for path in (ROOT / "guideline" / room).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.ImportFrom) and node.module:
                    names = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
                    if any(n.startswith(("guideline.site", "guideline.cli", "guideline.editing")) for n in names):
                        upward.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert upward == []
