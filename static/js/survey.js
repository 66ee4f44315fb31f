// The page survey, sent in place. Without JavaScript the form posts normally
// and the server answers with a thank-you page; this only saves the page load.
// Messages come from the server, already in the page's language.
(() => {
  const section = document.querySelector("[data-survey]");
  if (!section || !window.fetch) return;
  const form = section.querySelector("form");
  const status = section.querySelector("[data-survey-status]");
  const button = form.querySelector("button[type=submit]");

  const announce = (messages, isError) => {
    status.replaceChildren();
    status.classList.toggle("survey-status-error", isError);
    const list = isError && messages.length > 1;
    const container = list ? document.createElement("ul") : status;
    for (const message of messages) {
      const item = document.createElement(list ? "li" : "p");
      item.textContent = message;
      container.append(item);
    }
    if (list) status.append(container);
    // The region is a live region (role=status); moving focus there as well
    // makes sure every screen reader reads the result.
    status.focus();
  };

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    button.disabled = true;
    let response;
    try {
      response = await fetch(form.action, {
        method: "POST",
        body: new URLSearchParams(new FormData(form)),
        headers: { Accept: "application/json" },
        credentials: "same-origin",
      });
    } catch {
      // The request may have reached the server: sending it again could
      // store the answer twice.
      button.disabled = false;
      announce([section.dataset.surveyUnsure], true);
      return;
    }
    let data;
    try {
      data = await response.json();
    } catch {
      // Not our JSON: an error page from the server or a proxy. Re-send the
      // old way (the server then shows its page) only when the answer was
      // certainly not stored: the site or a proxy refused it before storing
      // (503 unavailable, 413 too large, 429 too many). After a 502 or 504 it
      // may have been stored.
      if ([413, 429, 503].includes(response.status)) {
        HTMLFormElement.prototype.submit.call(form);
        return;
      }
      button.disabled = false;
      announce([section.dataset.surveyUnsure], true);
      return;
    }
    button.disabled = false;
    if (data.ok) {
      form.hidden = true;
      announce([data.message], false);
    } else {
      announce(Object.values(data.errors || {}).flat(), true);
    }
  });
})();
