"""Read aloud: offered only where the browser has a voice for the page's
language, reads the main content in that language, pauses, resumes and stops.

Chromium's voices depend on the machine, so an init script replaces
speechSynthesis with one whose voice list the test chooses and which records
what it is asked to say.
"""

import json

import pytest

pytestmark = pytest.mark.browser

FAKE_SPEECH = """
(() => {
  const voices = %s.map((lang) => ({ lang, name: `Fake ${lang}`, voiceURI: lang, default: false, localService: true }));
  const pending = [];
  window.__speech = {
    spoken: [],
    calls: [],
    // Ends the utterance being spoken, as the browser does when it finishes.
    advance: () => {
      const utterance = pending.shift();
      if (utterance && utterance.onend) utterance.onend();
      return Boolean(utterance);
    },
  };
  class FakeUtterance { constructor(text) { this.text = text; } }
  const synth = {
    getVoices: () => voices,
    speak: (u) => {
      pending.push(u);
      window.__speech.spoken.push({ text: u.text, lang: u.lang });
    },
    pause: () => window.__speech.calls.push("pause"),
    resume: () => window.__speech.calls.push("resume"),
    cancel: () => window.__speech.calls.push("cancel"),
    addEventListener: () => {},
  };
  Object.defineProperty(window, "speechSynthesis", { value: synth, configurable: true });
  Object.defineProperty(window, "SpeechSynthesisUtterance", { value: FakeUtterance, configurable: true });
})();
"""


def open_with_voices(page, url, voices):
    page.add_init_script(FAKE_SPEECH % json.dumps(voices))
    page.goto(url)


def focused(page, selector):
    return page.evaluate("s => document.activeElement?.matches(s) ?? false", selector)


def test_the_button_is_offered_where_a_voice_exists_and_reads_the_page(site, page):
    open_with_voices(page, site.url + "/ja/sections/pin/", ["en-US", "ja-JP"])
    play = page.get_by_role("button", name="このページを読み上げる")
    assert play.is_visible()

    play.click()
    first = page.evaluate("window.__speech.spoken")
    assert first == [{"text": page.locator("main h1").inner_text().strip(), "lang": "ja-JP"}]
    pause = page.get_by_role("button", name="読み上げを一時停止")
    assert focused(page, "[data-read-aloud-pause]") and play.is_hidden()
    pause.click()
    page.get_by_role("button", name="読み上げを再開").click()
    assert page.evaluate("window.__speech.calls") == ["cancel", "pause", "resume"]

    # The browser finishes each piece; the next follows, to the end of the content.
    page.evaluate("() => { for (let i = 0; i < 500 && window.__speech.advance(); i++); }")
    spoken = page.evaluate("window.__speech.spoken")
    texts = [piece["text"] for piece in spoken]
    assert len(texts) > 5 and all(piece["lang"] == "ja-JP" for piece in spoken)
    assert not any("読み上げ" in t or "アンケート" in t for t in texts)  # controls, survey
    assert play.is_visible() and focused(page, "[data-read-aloud-play]")

    play.click()
    page.get_by_role("button", name="読み上げを停止").click()
    assert page.evaluate("window.__speech.calls")[-1] == "cancel"
    assert play.is_visible() and page.locator("[data-read-aloud-stop]").is_hidden()


# (page, the browser's voices, whether the button is offered)
OFFERED = [
    ("/en/", ["ja-JP"], False),  # a Japanese voice does not read English
    ("/en/", ["en-GB"], True),
    ("/zh-hant/", ["zh-CN"], False),  # a Simplified-Chinese voice only
    ("/zh-hant/", ["zh-TW"], True),
    ("/pt-br/", ["pt_PT"], True),
    ("/vi/", [], False),
]


def test_the_button_is_hidden_where_no_voice_exists(site, browser):
    seen = []
    for path, voices, _offered in OFFERED:
        context = browser.new_context()
        page = context.new_page()
        open_with_voices(page, site.url + path, voices)
        page.wait_for_load_state("load")
        seen.append((path, voices, page.locator("[data-read-aloud]").is_visible()))
        context.close()
    assert seen == OFFERED
