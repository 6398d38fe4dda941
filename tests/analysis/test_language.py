"""A message in another language is said to be one, not read as calm English."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from kettle.analysis import language_words, read, read_many
from kettle.analysis.language import _OTHERS, looks_english

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


#: Short messages and replies, one sentence, as a European or American desk gets them;
#: some typed on a phone without their accents.
SHORT_OTHER = [
    "Pedimos desculpa pelo incómodo. Vamos enviar um técnico amanhã de manhã e ligamos"
    " para confirmar.",
    "Pedimos desculpa pelo incomodo, vamos enviar um tecnico amanha de manha.",
    "Ja liguei duas vezes e ninguem resolve",
    "Hola, todavía no me llegó el reembolso",
    "Me pueden ayudar? no puedo entrar a mi cuenta",
    "Je n'ai toujours pas reçu ma commande",
    "Ich warte seit zwei Wochen auf mein Paket.",
    "Il pacco non è ancora arrivato, potete controllare?",
    "Ik heb nog steeds geen bevestiging gekregen",
    "Dlaczego nadal nie ma mojej paczki?",
    "Prosze o zwrot pieniedzy, paczka nie dotarla",
    # Spanglish, mostly Spanish: not English.
    "Hice el checkout y me cobraron pero el order no aparece en mi cuenta",
    # Four or five words, mostly the desk's own words.
    "Mi paquete llegó roto",
    "O entregador nunca veio",
    "Colis perdu, remboursez-moi svp",
    "Paket kaputt angekommen, Frechheit",
    "Non riesco ad accedere all'app",
    "Storing al twee dagen!",
    # Czech: no list of its own, but letters no English word has.
    "Proč mi nefunguje přihrávání? Už týden čekám na odpověď.",
]
#: English the short-text test must leave alone: a foreign greeting or thanks, names,
#: addresses, brands, product codes, text-speak, emoji, links.
SHORT_ENGLISH = [
    "Gracias! The new router works perfectly now.",
    "Merci, that's sorted then, have a good weekend",
    "Ciao for now, and thanks again for the quick fix!",
    "Hola team, my bill went up again this month, why?",
    "Hi Ana, your parcel is with DPD and should reach Rua das Flores 12 tomorrow.",
    "Please ship to Calle de los Reyes 5, Sevilla, the old address is wrong",
    "Ordered a La Marzocco grinder, box came open",
    "the De La Soul vinyl came scratched, ref DE-LA-0091",
    "Que sera sera lol, still waiting on that refund tho 🙃",
    "omg ur app is sooo slow today smh https://status.example.com/es/incidents/42",
    "Would love to get my hands on a dia de los muertos.",
    "Oh la la, new phone finally arrived!!",
    "Thank ya, see ya next week",
    "we went to Porto and Lisboa on holiday, the card was declined in both",
    # A greeting or thanks of several words is one foreign phrase.
    "Muchas gracias, refund received, amazing service mi amigo",
    "Buenos dias! Still no signal in the whole building",
    "Merci beaucoup, le package came fine",
    # A word sung or laughed again and again counts once.
    "la la la la la waiting on hold forever",
    # Names, even with letters English does not use, are capitalised.
    "Hi, it's Łukasz Żółkiewski from Łódź, my order still shows pending",
]


@pytest.mark.parametrize("text", SHORT_OTHER)
def test_short_messages_in_another_language(text: str) -> None:
    assert not looks_english(text)


@pytest.mark.parametrize("text", SHORT_ENGLISH)
def test_short_english_with_foreign_bits_is_english(text: str) -> None:
    assert looks_english(text)


def test_no_word_counts_for_english_and_another_language() -> None:
    for common in _OTHERS.values():
        assert not common & language_words.ENGLISH
        assert not common & language_words.SHARED
    assert "em" not in _OTHERS["pt"] and "ya" not in _OTHERS["es"]  # "get em", "see ya"


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


def test_the_coach_does_not_judge_a_short_reply_in_portuguese() -> None:
    from kettle.analysis import check

    short = ("Pedimos desculpa pelo incómodo. Vamos enviar um técnico amanhã de manhã e"
             " ligamos para confirmar.")
    assert check(short).verdict == "not_checked"
    assert check("Gracias for your patience, I'll call you by 5pm today.").english is True
