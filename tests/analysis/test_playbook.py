from __future__ import annotations

from datetime import time
from pathlib import Path

import pytest

from kettle.analysis.playbook import (
    Playbook,
    _default_data,
    compile_rule,
    default_playbook,
    load_playbook,
    merge,
)
from kettle.errors import PlaybookError


def test_default_playbook_loads_and_is_cached() -> None:
    assert default_playbook() is default_playbook()
    assert load_playbook() is default_playbook()


def test_shipped_phrases_pass_the_full_check() -> None:
    # default_playbook() trusts its own phrases to start fast; this is the check
    # it skips: every shipped pattern compiles, the way the engine compiles it.
    checked = Playbook.model_validate(_default_data())
    rules = [*checked.signals.values(), *checked.techniques.values(),
             *checked.anti_patterns.values()]
    assert sum(len(r.patterns) for r in rules) > 200
    assert checked.model_dump() == default_playbook().model_dump()


def test_an_org_playbook_is_checked_in_full() -> None:
    with pytest.raises(PlaybookError, match="bad regular expression"):
        load_playbook({"signals": {"legal_threat": {"exclude": ["[unclosed"]}}})


def test_org_playbook_extends_default(tmp_path: Path) -> None:
    f = tmp_path / "acme.yaml"
    f.write_text(
        "name: acme\n"
        "forbidden: ['no can do']\n"
        "jargon: ['TPS report']\n"
        "business_hours: {start: '08:00', end: '16:30', days: [mon, tue, wed, thu]}\n"
        "time_words: {end_of_day: '16:30'}\n",
        encoding="utf-8",
    )
    book = load_playbook(f)
    base = default_playbook()
    assert book.name == "acme"
    assert "no can do" in book.forbidden
    assert set(base.jargon) <= set(book.jargon)
    assert "TPS report" in book.jargon
    assert book.business_hours.days == ["mon", "tue", "wed", "thu"]
    assert book.time_words.end_of_day == time(16, 30)
    # untouched settings keep the default
    assert book.time_words.first_thing == base.time_words.first_thing


def test_rules_add_up_unless_replaced() -> None:
    base = {"anti_patterns": {"doubt": {"patterns": ["a"], "step": 2}}}
    added = merge(base, {"anti_patterns": {"doubt": {"patterns": ["b"]}}})
    assert added["anti_patterns"]["doubt"] == {"patterns": ["a", "b"], "step": 2}
    replaced = merge(base, {"anti_patterns": {"doubt": {"patterns": ["b"], "replace": True}}})
    assert replaced["anti_patterns"]["doubt"]["patterns"] == ["b"]


def test_extends_none_starts_empty() -> None:
    book = load_playbook({"extends": "none", "jargon": ["RMA"]})
    assert book.jargon == ["RMA"]
    assert book.techniques == {}


@pytest.mark.parametrize(
    ("data", "message", "field"),
    [
        ({"anti_patterns": {"rudeness": {"patterns": ["x"]}}}, "unknown anti-pattern", None),
        ({"techniques": {"apology": {"patterns": ["(unclosed"]}}}, "bad regular expression", None),
        ({"business_hours": {"days": ["funday"]}}, "unknown weekday", "business_hours.days"),
        ({"time_words": {"end_of_day": "25:99"}}, "", "time_words.end_of_day"),
        ({"colour": "blue"}, "", "colour"),
        ({"extends": "acme"}, "extends must be", "extends"),
    ],
)
def test_invalid_playbooks_name_the_field(
    data: dict[str, object], message: str, field: str | None
) -> None:
    with pytest.raises(PlaybookError) as err:
        load_playbook(data)
    assert message in str(err.value)
    if field:
        assert err.value.field == field or field in str(err.value)


def test_file_errors(tmp_path: Path) -> None:
    with pytest.raises(PlaybookError, match="not found"):
        load_playbook(tmp_path / "missing.yaml")
    bad = tmp_path / "bad.yaml"
    bad.write_text("techniques: [unclosed\n", encoding="utf-8")
    with pytest.raises(PlaybookError, match="not valid YAML"):
        load_playbook(bad)
    latin = tmp_path / "latin.yaml"
    latin.write_bytes("name: caf\xe9\n".encode("latin-1"))
    with pytest.raises(PlaybookError, match="not UTF-8"):
        load_playbook(latin)
    listy = tmp_path / "list.yaml"
    listy.write_text("- a\n- b\n", encoding="utf-8")
    with pytest.raises(PlaybookError, match="mapping"):
        load_playbook(listy)


def test_compile_rule_is_case_insensitive_alternation() -> None:
    book = load_playbook({"extends": "none", "anti_patterns": {
        "calm_down": {"patterns": [r"\bcalm down\b", r"\brelax\b"], "exclude": [r"\bcan relax\b"]}
    }})
    match, exclude = compile_rule(book.anti_patterns["calm_down"])
    assert match is not None and exclude is not None
    assert match.search("Please CALM DOWN sir")
    assert match.search("just relax")
    assert exclude.search("you can relax now")
    assert not match.search("the calmness")
