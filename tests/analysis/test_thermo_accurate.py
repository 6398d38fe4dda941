"""The thermometer's accurate tier: the fine-tuned MiniLM encoder through onnxruntime."""

from __future__ import annotations

import math
from importlib import resources
from pathlib import Path

import pytest

from kettle.analysis import read, read_many
from kettle.analysis.thermo_accurate import encoder
from kettle.analysis.thermometer import heat_scale, temperature_of
from kettle.analysis.types import EMOTIONS
from kettle.errors import InvalidInput

CALM = "Hi, could you tell me when my order 48213 will be delivered?"
ANGRY = "I am absolutely furious. You charged me twice and nobody answers the phone."
MESSAGES = [
    CALM,
    ANGRY,
    "Thanks so much, that fixed it!",
    "I'm worried the parcel won't arrive before my daughter's birthday.",
    "I don't understand which of the two invoices I am supposed to pay?",
    "This is the third time I'm writing. Cancel my account or I'm calling my lawyer.",
]


def test_accurate_tier_separates_calm_from_angry() -> None:
    calm, angry = read(CALM, tier="accurate"), read(ANGRY, tier="accurate")
    assert calm.hot < 0.3 < 0.7 < angry.hot
    assert calm.temperature + 25 < angry.temperature
    assert max(angry.emotions, key=angry.emotions.__getitem__) in ("anger", "frustration")


@pytest.mark.parametrize(
    ("text", "emotion"),
    [
        ("Thank you so much, you saved my day, I really appreciate it!", "relief"),
        ("I'm really scared my account was hacked and my savings are gone.", "anxiety"),
        ("I'm confused, what does this charge on my statement even mean?", "confusion"),
    ],
)
def test_accurate_tier_names_the_leading_emotion(text: str, emotion: str) -> None:
    reading = read(text, tier="accurate")
    assert max(reading.emotions, key=reading.emotions.__getitem__) == emotion
    assert math.isclose(sum(reading.emotions.values()), 1.0, abs_tol=1e-4)
    assert tuple(reading.emotions) == EMOTIONS


def test_batch_and_single_reads_agree() -> None:
    # Each message runs alone through the encoder, so a batch reads exactly as
    # the messages read one by one (dynamic quantisation would otherwise scale
    # a message's activations with its neighbours').
    batch = read_many(MESSAGES, tier="accurate")
    for text, together in zip(MESSAGES, batch, strict=True):
        alone = read(text, tier="accurate")
        assert alone.hot == together.hot
        assert alone.temperature == together.temperature
        assert alone.signals == together.signals


def test_tiers_share_signals_but_not_the_model() -> None:
    fast, accurate = read(ANGRY), read(ANGRY, tier="accurate")
    assert fast.signals == accurate.signals
    assert fast.hot != accurate.hot
    assert heat_scale("accurate") != heat_scale("fast")


def test_accurate_temperature_follows_its_own_scale() -> None:
    from kettle.analysis import thermometer

    text = "The parcel is late again, this is so annoying."
    base = thermometer._bases([text], None, "accurate")[0]
    reading = read(text, tier="accurate")
    anger = reading.emotions["anger"]
    mine = temperature_of(reading.hot, base.negativity, anger, base.arousal,
                          scale=heat_scale("accurate"))
    other = temperature_of(reading.hot, base.negativity, anger, base.arousal,
                           scale=heat_scale("fast"))
    assert reading.temperature == pytest.approx(mine, abs=1e-9)
    assert abs(mine - other) > 0.5
    assert temperature_of(0.2, 0.0, 0.1, scale=heat_scale("accurate")) < temperature_of(
        0.9, 0.0, 0.1, scale=heat_scale("accurate"))


def test_context_is_read_in_the_same_tier() -> None:
    from kettle.analysis import thermometer

    follow_up = "Any news?"
    history = [{"role": "customer", "text": ANGRY}, {"role": "agent", "text": "Let me check."}]
    alone = read(follow_up, tier="accurate")
    after = read(follow_up, context=history, tier="accurate")
    assert after.temperature > alone.temperature + 5
    carried = {tier: thermometer._carried_heat(history, None, tier)  # type: ignore[arg-type]
               for tier in ("fast", "accurate")}
    assert carried["accurate"] != carried["fast"]
    base = thermometer._bases([follow_up], None, "accurate")[0]
    assert after.temperature == pytest.approx(base.reading(carried["accurate"]).temperature)


def test_bad_thread_setting_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    from kettle.analysis import thermo_accurate

    monkeypatch.setenv("KETTLE_ONNX_THREADS", "abc")
    thermo_accurate.encoder.cache_clear()
    try:
        with pytest.raises(InvalidInput, match="KETTLE_ONNX_THREADS"):
            thermo_accurate.encoder()
    finally:
        monkeypatch.undo()
        thermo_accurate.encoder.cache_clear()


def test_unknown_tier_is_refused_with_the_choices() -> None:
    with pytest.raises(InvalidInput, match="tier") as caught:
        read(CALM, tier="turbo")  # type: ignore[arg-type]
    assert caught.value.choices == ("fast", "accurate")
    with pytest.raises(InvalidInput):
        read_many([CALM], tier="")  # type: ignore[arg-type]


def test_long_messages_are_truncated_not_refused() -> None:
    text = ("My order is late again and I am fed up with waiting. " * 60).strip()
    ids = encoder().tokenizer.encode(text).ids
    assert len(ids) == 64
    assert read(text, tier="accurate").hot > 0.5


def test_a_corrupt_model_is_a_model_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from kettle.analysis import thermo_accurate
    from kettle.errors import ModelError

    shipped = resources.files("kettle.analysis") / "data" / "models"
    models = tmp_path / "data" / "models"
    models.mkdir(parents=True)
    for name in ("thermometer_accurate.json", "minilm_tokenizer.json"):
        (models / name).write_bytes((shipped / name).read_bytes())
    (models / "thermometer_accurate.onnx").write_bytes(b"not an onnx graph")
    monkeypatch.setattr(thermo_accurate.resources, "files", lambda _: tmp_path)
    thermo_accurate.encoder.cache_clear()
    try:
        with pytest.raises(ModelError, match="missing or corrupt"):
            thermo_accurate.encoder()
        (models / "thermometer_accurate.onnx").unlink()
        with pytest.raises(ModelError, match="missing or corrupt"):
            thermo_accurate.encoder()
    finally:
        monkeypatch.undo()
        thermo_accurate.encoder.cache_clear()
