"""The language test on messages of two to six words (language_short; D41's still wrong)."""

from __future__ import annotations

import pytest

from kettle.analysis.language import looks_english
from kettle.analysis.language_short import english_word

#: Two to six words in a listed language, or in one without a list.
SHORT_OTHER = [
    "Muy mal servicio",
    "Très déçu",
    "Nicht akzeptabel!",
    "Wo ist mein Paket?",
    "Cadê meu reembolso?",
    "No funciona nada",
    "Servizio pessimo",
    "Sehr enttäuscht",
    "Péssimo atendimento",
    "C'est inadmissible",
    "Estoy harto ya",
    "Pesanan saya belum sampai",  # Indonesian: no list, no accents
    "Kargom hala gelmedi",  # Turkish typed in ASCII
    "Comanda mea nu a ajuns",  # Romanian
]
#: Short English as customers type it: slang, text-speak, typos, names, codes, places,
#: brands and loan words.
SHORT_ENGLISH = [
    "Very bad service", "Not acceptable!", "Where is my parcel?", "ok thanks", "pls help",
    "thnx i luh u spoofy !", "!Messageme creepypost", "WOKKA WOKKA WOKKA",
    "Is tihs cronometer? Thanks.", "Absolutley disgusting", "recieved teh wrong size",
    "bruh smh", "ngl its mid", "Yo where my package at", "It's broke innit",
    "Jose Garcia here", "Anne-Marie Dupont, ref 88213", "Order 45-ABX-221 missing",
    "Galaxy S23 Ultra broke", "El Paso store closed", "Pedro from Madrid",
    "Delivery to Rue de la Paix", "Déjà vu, same error again", "Café au lait was cold",
    "Bon appétit lol", "Dear Señor Alvarez", "jajaja nice", "Sooooo slowwww",
]


@pytest.mark.parametrize("text", SHORT_OTHER)
def test_short_messages_in_another_language_are_caught(text: str) -> None:
    assert not looks_english(text)


@pytest.mark.parametrize("text", SHORT_ENGLISH)
def test_short_english_stays_english(text: str) -> None:
    assert looks_english(text)


@pytest.mark.parametrize(
    ("word", "english"),
    [("service", True), ("recieved", True), ("absolutley", True), ("tihs", True),
     ("bruh", True), ("harto", False), ("pesanan", False), ("saya", False),
     ("gelmedi", False)],
)
def test_english_word_allows_one_typo_but_not_a_foreign_ending(word: str, english: bool) -> None:
    assert english_word(word) is english
