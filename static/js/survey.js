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
    let data;
    try {
      const response = await fetch(form.action, {
        method: "POST",
        body: new URLSearchParams(new FormData(form)),
        headers: { Accept: "application/json" },
        credentials: "same-origin",
      });
      data = await response.json();
    } catch {
      // No answer we can read (offline, a proxy's error page): send it the old way.
      HTMLFormElement.prototype.submit.call(form);
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
