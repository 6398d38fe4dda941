"""The scenario library: every shipped file validates; bad files say which file and field."""

from __future__ import annotations

import statistics
from pathlib import Path

import pytest
import yaml

from kettle.analysis import read
from kettle.cases.concessions import load_policy
from kettle.simulator.errors import ScenarioError, UnknownScenario
from kettle.simulator.scenarios import (
    BRANCHES,
    CATEGORIES,
    REQUIRED_BRANCHES,
    common_lines,
    get,
    library,
    load_file,
    resolve,
)

STORIES = ("courier-express", "movers-late-inspection", "shoe-return-no-box")


def test_library_has_every_category_and_the_stories() -> None:
    scenarios = library()
    assert len(scenarios) >= 12
    assert {s.category for s in scenarios} == set(CATEGORIES)
    ids = [s.id for s in scenarios]
    assert len(ids) == len(set(ids))
    for story in STORIES:
        assert story in ids


@pytest.mark.parametrize("scenario", library(), ids=lambda s: s.id)
def test_each_scenario_is_complete(scenario) -> None:  # type: ignore[no-untyped-def]
    for branch in REQUIRED_BRANCHES:
        assert scenario.branches[branch]
    for branch in BRANCHES:
        lines = scenario.lines(branch)
        assert lines, f"{scenario.id} has nothing to say in {branch}"
        for line in lines:
            filled = scenario.fill(line)
            assert "{" not in filled
    policy = load_policy()
    band = policy.band(scenario.concession.tier, scenario.concession.severity)
    assert band.limit >= band.expected
    assert scenario.persona.feelings and scenario.resolutions
    assert scenario.hidden_issue.underlying
    assert scenario.started_at.tzinfo is not None


def test_common_lines_have_no_placeholders_and_known_branches() -> None:
    lines = common_lines()
    assert set(lines) <= set(BRANCHES)
    assert all("{" not in x for branch in lines.values() for x in branch)


def test_thermometer_reads_openings_hotter_than_acceptances() -> None:
    """Golden check of the scripted lines against the engine's own thermometer."""
    openings, accepts = [], []
    for scenario in library():
        openings += [read(scenario.fill(x)).temperature for x in scenario.lines("opening")]
        accepts += [read(scenario.fill(x)).temperature for x in scenario.lines("accept")]
    assert statistics.mean(openings) > statistics.mean(accepts) + 5


def test_stories_match_the_samples() -> None:
    from kettle.samples import load

    for sample, scenario_id in (("courier", "courier-express"), ("movers",
                                "movers-late-inspection"), ("shoe_return", "shoe-return-no-box")):
        first = load(sample)["turns"][0]["text"]
        assert first in get(scenario_id).lines("opening")


def _write(tmp_path: Path, data: dict) -> Path:  # type: ignore[type-arg]
    path = tmp_path / "mine.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    return path


def _valid() -> dict:  # type: ignore[type-arg]
    path = Path(__file__).resolve().parents[2] / "src/kettle/simulator/data/scenarios"
    return yaml.safe_load((path / "shoe-return-no-box.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    ("change", "field", "fragment"),
    [
        (lambda d: d["persona"].pop("feelings"), "persona.feelings", "Field required"),
        (lambda d: d.update(starting_temperature=120), "starting_temperature", "less than"),
        (lambda d: d["persona"].update(temper="volcanic"), "persona.temper", "mild"),
        (lambda d: d.update(category="weather"), "category", "shipping"),
        (lambda d: d["branches"].pop("accept"), "branches", "'accept'"),
        (lambda d: d["branches"].update(sulking=["..."]), "branches", "unknown branch"),
        (lambda d: d["branches"].update(answer=["My order is {ordr}."]), None, "{ordr}"),
        (lambda d: d.update(tz="Mars/Olympus"), "tz", "unknown time zone"),
        (lambda d: d.update(colour="red"), "colour", "Extra inputs"),
    ],
    ids=["missing", "range", "temper", "category", "required-branch", "unknown-branch",
         "placeholder", "tz", "extra"],
)
def test_invalid_scenarios_name_file_and_field(tmp_path, change, field, fragment) -> None:  # type: ignore[no-untyped-def]
    data = _valid()
    change(data)
    with pytest.raises(ScenarioError) as err:
        load_file(_write(tmp_path, data))
    message = err.value.one_line()
    assert "mine.yaml" in message
    assert fragment in message
    if field:
        assert err.value.field == field


def test_not_yaml_and_not_a_mapping(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("id: [unclosed", encoding="utf-8")
    with pytest.raises(ScenarioError, match=r"bad\.yaml: not valid YAML"):
        load_file(bad)
    bad.write_text("- a\n- b\n", encoding="utf-8")
    with pytest.raises(ScenarioError, match="mapping"):
        load_file(bad)
    with pytest.raises(ScenarioError, match="cannot read"):
        load_file(tmp_path / "missing.yaml")


def test_unknown_id_lists_the_choices() -> None:
    with pytest.raises(UnknownScenario) as err:
        get("no-such-scenario")
    assert "courier-express" in err.value.choices


def test_resolve_takes_an_id_or_a_file(tmp_path: Path) -> None:
    data = _valid()
    data["id"] = "my-own"
    assert resolve(str(_write(tmp_path, data))).id == "my-own"
    assert resolve("roaming-bill").id == "roaming-bill"
