// Read the page's main content aloud with the browser's own speech synthesis
// (nothing is sent anywhere). The control stays hidden unless the browser has
// a voice for the page's language; without JavaScript it never shows.
(() => {
  const control = document.querySelector("[data-read-aloud]");
  const synth = window.speechSynthesis;
  if (!control || !synth || !window.SpeechSynthesisUtterance) return;

  const play = control.querySelector("[data-read-aloud-play]");
  const pause = control.querySelector("[data-read-aloud-pause]");
  const stop = control.querySelector("[data-read-aloud-stop]");
  const main = document.querySelector("main");
  const pageLanguage = document.documentElement.lang.toLowerCase();

  // Voice language tags that speak each of the site's languages, best first.
  const VOICE_TAGS = {
    "zh-hans": ["zh-cn", "zh-sg", "zh-hans", "cmn-hans", "cmn-cn", "zh"],
    "zh-hant": ["zh-tw", "zh-hk", "zh-hant", "cmn-hant", "cmn-tw", "yue"],
    "pt-br": ["pt-br", "pt"],
  };
  // What is not the page's own text: controls, forms, the survey, navigation.
  const SKIP = ".read-aloud, form, nav, script, style, [hidden], [aria-hidden=true], .visually-hidden, .survey";
  const BLOCKS = "h1, h2, h3, h4, p, li, dt, dd, th, td, caption, figcaption";

  const voiceFor = (language) => {
    const voices = synth.getVoices();
    const tags = VOICE_TAGS[language] || [language.split("-")[0]];
    for (const tag of tags) {
      const voice = voices.find((v) => {
        const lang = (v.lang || "").toLowerCase().replace("_", "-");
        return lang === tag || lang.startsWith(`${tag}-`);
      });
      if (voice) return voice;
    }
    return null;
  };

  // The text to read, in order: one piece per block, each in its own language
  // (an untranslated part is marked lang="ja" and read by a Japanese voice
  // where there is one).
  const pieces = () => {
    const found = [];
    for (const element of main.querySelectorAll(BLOCKS)) {
      if (element.closest(SKIP)) continue;
      if (element.parentElement.closest(BLOCKS)) continue; // read with its parent
      const text = element.innerText.replace(/\s+/g, " ").trim();
      const language = (element.closest("[lang]")?.lang || pageLanguage).toLowerCase();
      if (text) found.push({ text, voice: voiceFor(language) || voiceFor(pageLanguage) });
    }
    return found;
  };

  let run = 0; // each start or stop begins a new run; old callbacks see it and stop
  let paused = false;

  const show = (reading) => {
    const hadFocus = control.contains(document.activeElement);
    play.hidden = reading;
    pause.hidden = !reading;
    stop.hidden = !reading;
    if (hadFocus) (reading ? pause : play).focus();
  };
  const setPaused = (value) => {
    paused = value;
    pause.textContent = value ? pause.dataset.labelResume : pause.dataset.labelPause;
  };
  const finish = () => {
    run += 1;
    setPaused(false);
    show(false);
  };

  const speak = (queue, index, current) => {
    if (current !== run) return;
    if (index >= queue.length) return finish();
    const utterance = new SpeechSynthesisUtterance(queue[index].text);
    const voice = queue[index].voice;
    utterance.lang = voice.lang;
    utterance.voice = voice;
    utterance.onend = () => speak(queue, index + 1, current);
    utterance.onerror = () => speak(queue, index + 1, current);
    synth.speak(utterance);
  };

  play.addEventListener("click", () => {
    synth.cancel();
    run += 1;
    setPaused(false);
    show(true);
    speak(pieces(), 0, run);
  });
  pause.addEventListener("click", () => {
    if (paused) synth.resume();
    else synth.pause();
    setPaused(!paused);
  });
  stop.addEventListener("click", () => {
    synth.cancel();
    finish();
  });
  // Leaving the page must not leave the browser talking.
  window.addEventListener("pagehide", () => synth.cancel());

  const offer = () => {
    control.hidden = !voiceFor(pageLanguage);
  };
  offer();
  // Voices often load after the page does.
  synth.addEventListener?.("voiceschanged", offer);
})();
