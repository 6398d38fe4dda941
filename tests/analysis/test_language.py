"""A message in another language is said to be one, not read as calm English."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from kettle.analysis import read, read_many
from kettle.analysis.language import looks_english

#: Real customer tweets to a support account (TWCS) and messages a desk gets.
OTHER = [
    "¡Esto es inaceptable! Llevo tres semanas esperando mi reembolso y nadie me responde.",
    "C'est inadmissible, trois semaines que j'attends mon remboursement !!",
    "Guten Morgen, und wo haben sie da geantwortet? Ich habe KEINE Rückerstattung erhalten!!",
    "ok, vou entrar em contato através da página. obrigado!!",
    "Waarom zijn dit soort aanbiedingen niet beschikbaar voor al bestaande klanten?",
    "Sono tre settimane che aspetto il rimborso e nessuno mi risponde, è una vergogna.",
    "わざわざありがとうございます、確認しました。早送りは一時間に６曲って決まってたんですね",
    "Почему мой заказ до сих пор не доставлен? Я жду уже три недели!",
]
ENGLISH = [
    "This is the third time I'm calling and nobody has fixed my broadband!",
    "OP is going places!",  # "op", "is": Dutch too
    "These were the naughty children! HO HO HO!",  # "ho": Italian
    "Um, well, last year, um, my son got married-",  # "um": Portuguese
    "La la land was a great film, de facto the best of the year",
    "Spotify 1.0.65.320.gac7a8e02, Mac OS Sierra v10.12.6, Dell Latitude E7240",
    "wow this seems like a huge ᴡᴀsᴛᴇ ᴏ- ᴡᴀɪᴛ ᴀ ᴍɪɴᴜᴛᴇ. ɴᴏ, ᴛʜɪs ɪs ɢᴏᴏᴅ",  # small capitals
    "Refund pending. Order 12345. Status?",
    "No",
    "@Quwan.com Customer Service When will Quwan.com launch the new app?",
]


@pytest.mark.parametrize("text", OTHER)
def test_another_language_is_not_read_as_english(text: str) -> None:
    assert not looks_english(text)
    assert read(text).english is False
    assert read(text).to_dict()["english"] is False


@pytest.mark.parametrize("text", ENGLISH)
def test_english_and_too_short_to_tell_are_english(text: str) -> None:
    assert looks_english(text)
    assert read(text).english is True


def test_a_batch_marks_each_message_on_its_own() -> None:
    readings = read_many([OTHER[0], ENGLISH[0], OTHER[1]])
    assert [r.english for r in readings] == [False, True, False]


def test_the_cli_warns_and_its_json_says_so() -> None:
    run = [sys.executable, "-m", "kettle.cli.main", "read"]
    shown = subprocess.run([*run, OTHER[1]], capture_output=True, text=True, check=True)
    assert "does not look like English" in shown.stdout
    plain = subprocess.run([*run, ENGLISH[0]], capture_output=True, text=True, check=True)
    assert "does not look like English" not in plain.stdout
    data = json.loads(subprocess.run([*run, "--json", OTHER[0]], capture_output=True,
                                     text=True, check=True).stdout)
    assert data["english"] is False
