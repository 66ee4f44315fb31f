"""The translations of the content follow the glossary of legal terms.

For every language and every term of locale/glossary/<lang>.toml: each content
record (section or notice field) whose Japanese contains the term has a
translation in locale/content/<lang>.toml, and that translation contains the
term's rendering or one of its few accepted forms.

A term inside a longer term is the longer term's business: マイナンバー inside
マイナンバーカード is checked as the card, not as the number.
"""

import re
import tomllib
import unicodedata
from pathlib import Path

import pytest
from django.conf import settings

from pages import seed as pages_seed
from shinjuku_mynumber.models import SeedRecord
from shinjuku_mynumber.seeding import SeedReport, content_translations

GLOSSARY_DIR = Path(settings.BASE_DIR) / "locale" / "glossary"
# やさしい日本語 keeps the Japanese terms (explaining them): no glossary of renderings.
LANGUAGES = [code for code, _name in settings.LANGUAGES if code not in ("ja", "ja-easy")]
# Scripts with spaces between words and upper/lower case: match whole words, any case.
WORD_LANGUAGES = {"en", "es", "pt-br", "vi"}
TAG = re.compile(r"<[^>]+>")


def load_glossary(language: str) -> list[dict]:
    return load_glossary_file(language)["terms"]


def load_glossary_file(language: str) -> dict:
    with (GLOSSARY_DIR / f"{language}.toml").open("rb") as fh:
        return tomllib.load(fh)


def plain(text: str) -> str:
    """Text without markup, in NFC, with runs of white space made one space."""
    text = unicodedata.normalize("NFC", TAG.sub(" ", text))
    return re.sub(r"\s+", " ", text).strip()


def terms_in(japanese: str, glossary: list[dict]) -> list[dict]:
    """The glossary terms a Japanese text uses, longer terms hiding the shorter inside them."""
    forms = sorted(
        ((form, term) for term in glossary for form in term["ja"]),
        key=lambda pair: len(pair[0]),
        reverse=True,
    )
    text = plain(japanese)
    found = []
    for form, term in forms:
        if form in text:
            text = text.replace(form, "\0")
            if term not in found:
                found.append(term)
    return found


def renders(translation: str, term: dict, language: str) -> bool:
    text = plain(translation)
    for form in [term["rendering"], *term.get("accepted", [])]:
        form = unicodedata.normalize("NFC", form)
        if language in WORD_LANGUAGES:
            if re.search(rf"(?<!\w){re.escape(form)}(?!\w)", text, re.IGNORECASE):
                return True
        elif form in text:
            return True
    return False


_loaded: dict[str, str] = {}


@pytest.fixture
def japanese_texts(db) -> dict[str, str]:
    """Every section and notice field of the initial content by its translation key,
    as the loader names it (loaded once per test run: the data file does not change)."""
    if not _loaded:
        pages_seed.load(SeedReport())
        # What the loader wrote, by its keys: the Japanese of each translated field.
        for record in SeedRecord.objects.filter(key__regex=r"^(section|notice)\."):
            for name, value in record.values.items():
                if name.endswith("_ja") and isinstance(value, str) and value:
                    _loaded[f"{record.key}.{name.removesuffix('_ja')}"] = value
        assert len(_loaded) > 150, "the loader's records hold the Japanese texts"
    return _loaded


def test_every_language_has_a_glossary_with_the_same_terms():
    english = [term["ja"] for term in load_glossary("en")]
    assert len(english) >= 25
    for language in LANGUAGES:
        with (GLOSSARY_DIR / f"{language}.toml").open("rb") as fh:
            data = tomllib.load(fh)
        assert data["language"] == language
        assert [term["ja"] for term in data["terms"]] == english, language
        for term in data["terms"]:
            assert term["rendering"].strip(), (language, term["ja"])
            source = term["source"]
            if source != "team":
                assert source["url"].startswith("https://"), (language, term["ja"])
                assert source["title"] and source["checked"], (language, term["ja"])


def test_longer_terms_hide_the_shorter_ones_inside_them():
    glossary = load_glossary("en")
    found = terms_in("マイナンバーカードの<a href='x'>署名用電子証明書</a>の暗証番号", glossary)
    assert {term["ja"][0] for term in found} == {
        "署名用電子証明書",
        "マイナンバーカード",
        "暗証番号",
    }
    assert terms_in("マイナンバー制度", glossary)[0]["ja"] == ["マイナンバー"]


def test_a_translation_without_the_rendering_fails():
    card = next(t for t in load_glossary("en") if "マイナンバーカード" in t["ja"])
    assert renders("Bring your <b>My Number card</b>.", card, "en")
    assert not renders("Bring your ID card.", card, "en")
    pin = next(t for t in load_glossary("en") if "暗証番号" in t["ja"])
    assert not renders("Keep your spine straight.", pin, "en")
    pin_ko = next(t for t in load_glossary("ko") if "暗証番号" in t["ja"])
    assert not renders("암호를 입력하십시오.", pin_ko, "ko")


@pytest.mark.parametrize("language", LANGUAGES)
def test_translations_follow_the_glossary(language, japanese_texts):
    data = load_glossary_file(language)
    glossary = data["terms"]
    # A record may leave a term out for a stated reason (e.g. "the card" referring
    # back to the card named just before); an exception that no longer applies fails.
    exceptions = {(e["key"], e["term"]): e["reason"] for e in data.get("exceptions", [])}
    translations = content_translations(language)
    assert japanese_texts, "the loader named no content"
    problems = []
    used = set()
    for key, japanese in sorted(japanese_texts.items()):
        for term in terms_in(japanese, glossary):
            translation = translations.get(key)
            if not translation:
                problems.append(f"{key}: no translation (uses {term['ja'][0]})")
            elif not renders(translation, term, language):
                if (key, term["ja"][0]) in exceptions:
                    used.add((key, term["ja"][0]))
                else:
                    problems.append(
                        f"{key}: {term['ja'][0]} is not rendered as “{term['rendering']}”"
                    )
    problems += [f"{key}: stale exception for {term}" for key, term in exceptions.keys() - used]
    assert not problems, f"{language}: {len(problems)} problems\n" + "\n".join(problems)
