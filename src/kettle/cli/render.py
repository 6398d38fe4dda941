"""Readable terminal output: a kettle gauge, highlighted spans, findings."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from rich.console import Console
from rich.text import Text

from kettle.analysis.types import Commitment, Finding, Reading, Review, Span, Suggestion, Track

BANDS: tuple[tuple[float, str, str], ...] = (
    (45.0, "calm", "bright_blue"),
    (60.0, "warm", "green"),
    (75.0, "hot", "yellow"),
    (88.0, "very hot", "dark_orange"),
    (101.0, "boiling", "bold red"),
)


def band(temperature: float) -> tuple[str, str]:
    """The name and colour of a temperature."""
    for limit, name, style in BANDS:
        if temperature < limit:
            return name, style
    return BANDS[-1][1], BANDS[-1][2]


def gauge(temperature: float, width: int = 20) -> Text:
    name, style = band(temperature)
    filled = round((min(max(temperature, 30.0), 100.0) - 30.0) / 70.0 * width)
    text = Text("[")
    text.append("█" * filled, style=style)
    text.append("·" * (width - filled), style="dim")
    text.append(f"] {temperature:5.1f} °C ", style="bold")
    text.append(name, style=style)
    return text


def highlighted(text: str, spans: Iterable[tuple[Span, str]]) -> Text:
    out = Text(text)
    for span, style in spans:
        out.stylize(style, span.start, span.end)
    return out


def masked(text: str) -> str:
    """The text with profanity masked (same length, so spans stay valid)."""
    from kettle.analysis.signals import mask_profanity

    return mask_profanity(text)


def print_reading(console: Console, text: str, reading: Reading) -> None:
    console.print(gauge(reading.temperature))
    spans = [(s.span, "bold magenta underline") for s in reading.signals]
    console.print(highlighted(masked(text), spans))
    top = sorted(reading.emotions.items(), key=lambda kv: -kv[1])[:3]
    console.print(
        "emotions: " + ", ".join(f"{k} {v:.0%}" for k, v in top)
        + f"   mode: {reading.mode} (venting {reading.venting:.0%})   hot: {reading.hot:.0%}"
    )
    for signal in reading.signals:
        console.print(Text(f"  signal {signal.kind}: ", style="magenta") + Text(signal.span.text))
    if not reading.english:
        console.print(Text("  note: this does not look like English; Kettle reads English only, "
                           "so this reading is not to be trusted", style="yellow"))


def _finding_line(finding: Finding) -> Text:
    style = "red" if finding.kind == "anti_pattern" else "green"
    line = Text(f"  {'✗' if finding.kind == 'anti_pattern' else '✓'} {finding.name}", style=style)
    line.append(f"  “{finding.span.text}”", style="italic")
    if finding.step:
        line.append(f"  (step {finding.step})", style="dim")
    return line


def _commitment_line(commitment: Commitment) -> Text:
    due = commitment.due.strftime("%a %d %b %Y %H:%M %Z") if commitment.due else "no time given"
    style = "yellow" if commitment.due is None else "cyan"
    return Text(f"  promise: {commitment.action} → {due}", style=style)


def print_review(console: Console, reply: str, review: Review) -> None:
    verdict_style = {"send": "bold green", "improve": "bold yellow", "dont_send": "bold red",
                     "not_checked": "bold"}
    verdict = Text(f"verdict: {review.verdict.replace('_', ' ')}", verdict_style[review.verdict])
    console.print(verdict + Text(f" — {review.reason}"))
    spans = [(f.span, "bold red underline") for f in review.anti_patterns]
    spans += [(f.span, "green") for f in review.techniques]
    console.print(highlighted(reply, spans))
    for finding in review.anti_patterns:
        console.print(_finding_line(finding))
        if finding.message:
            console.print(Text(f"      why: {finding.message}", style="dim"))
        if finding.rewrite:
            console.print(Text(f"      try: {finding.rewrite}", style="cyan"))
    for finding in review.techniques:
        console.print(_finding_line(finding))
    if review.missing:
        console.print(Text("  missing: " + ", ".join(review.missing), style="yellow"))
    for commitment in review.commitments:
        console.print(_commitment_line(commitment))
    console.print(Text(f"advice: {review.advice}", style="bold"))


def print_track(
    console: Console,
    turns: Sequence[tuple[str, str]],
    track: Track,
    reviews: Sequence[Review | None],
    suggestions: Sequence[Suggestion],
) -> None:
    readings = iter(track.readings)
    for (role, text), review in zip(turns, reviews, strict=True):
        if role == "customer":
            reading = next(readings)
            console.print(Text("customer ", style="bold") + gauge(reading.temperature))
            spans = [(s.span, "bold magenta underline") for s in reading.signals]
            console.print(Text("  ") + highlighted(masked(text), spans))
        elif review is not None:
            console.print(Text(f"agent    verdict: {review.verdict.replace('_', ' ')}"
                               + ("" if review.english else " (not English)"), style="bold"))
            spans = [(f.span, "bold red underline") for f in review.anti_patterns]
            console.print(Text("  ") + highlighted(text, spans))
            for finding in review.anti_patterns:
                console.print(_finding_line(finding))
    console.print()
    console.print(Text(f"stage: {track.stage.replace('_', ' ')}", style="bold")
                  + Text(f"   boil-over risk: {track.risk:.0%}"))
    console.print(Text(f"next move: {track.next_move}", style="bold cyan"))
    for commitment in track.open_promises:
        console.print(_commitment_line(commitment))
    for suggestion in suggestions:
        label = Text(f"  suggest ({suggestion.kind}): ", style="green")
        console.print(label + Text(suggestion.text))
    if any(not s.english for s in suggestions):
        console.print(Text("  note: the customer wrote in another language; these wordings are "
                           "English and say none of their words back: have a speaker of "
                           "their language word the reply", style="yellow"))
