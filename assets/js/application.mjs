// Start GOV.UK Frontend's components: error summary focus, conditional reveals, character counts.
import { initAll } from "./govuk-frontend.min.js";

initAll();

// The idle-timeout warning. The server signs a user out after a period without requests;
// a little before that, a dialog offers to stay signed in (which tells the server so). Any
// request (an autosave included) starts the clock again: `restartIdleClock` is called then.
const warning = document.getElementById("timeout-warning");
let restartIdleClock = () => {};

if (warning && typeof warning.showModal === "function") {
  const idle = Number(warning.dataset.idleSeconds) * 1000;
  const notice = Number(warning.dataset.warningSeconds) * 1000;
  const countdown = warning.querySelector(".app-timeout-warning__countdown");
  let warnTimer;
  let tickTimer;
  let signOutAt;

  const say = (ms) => {
    const seconds = Math.max(0, Math.ceil(ms / 1000));
    if (seconds >= 60) {
      const minutes = Math.ceil(seconds / 60);
      return `${minutes} minute${minutes === 1 ? "" : "s"}`;
    }
    return `${seconds} second${seconds === 1 ? "" : "s"}`;
  };

  const tick = () => {
    const left = signOutAt - Date.now();
    if (left <= 0) {
      // The server has ended the session: going anywhere shows the sign-in page and why.
      window.location.assign(warning.dataset.signedOutUrl);
      return;
    }
    countdown.textContent = say(left);
    tickTimer = window.setTimeout(tick, left > 60000 ? 15000 : 1000);
  };

  restartIdleClock = () => {
    window.clearTimeout(warnTimer);
    window.clearTimeout(tickTimer);
    signOutAt = Date.now() + idle;
    warnTimer = window.setTimeout(() => {
      warning.showModal();
      tick();
    }, Math.max(0, idle - notice));
  };

  warning.querySelector("[data-timeout-stay]").addEventListener("click", async () => {
    const body = new FormData();
    body.append("csrf_token", warning.dataset.csrfToken);
    const response = await fetch(warning.dataset.keepAliveUrl, {
      method: "POST",
      body,
      credentials: "same-origin",
    });
    if (response.ok) {
      warning.close();
      restartIdleClock();
    } else {
      window.location.assign(warning.dataset.signedOutUrl);
    }
  });
  // Escape must not close it silently without keeping the session.
  warning.addEventListener("cancel", (event) => event.preventDefault());
  restartIdleClock();
}

// Autosave: a section's form (data-autosave-url) saves its draft a few seconds after the user
// stops typing, and when they leave the page. The server refuses a save made on an
// out-of-date copy (someone else saved since): autosave stops, and an error summary at the
// top of the page says who saved and when, and takes focus.
const form = document.querySelector("form[data-autosave-url]");

// The GOV.UK error summary, put at the top of the page (or replaced), focused.
const showProblem = (message) => {
  const column = document.querySelector("main .govuk-grid-column-two-thirds");
  column.querySelector(".govuk-error-summary")?.remove();
  const summary = document.createElement("div");
  summary.className = "govuk-error-summary";
  summary.dataset.module = "govuk-error-summary";
  summary.innerHTML =
    '<div role="alert"><h2 class="govuk-error-summary__title">There is a problem</h2>' +
    '<div class="govuk-error-summary__body"><p class="govuk-body"></p></div></div>';
  summary.querySelector("p").textContent = message;
  column.prepend(summary);
  summary.setAttribute("tabindex", "-1");
  summary.focus();
  if (!document.title.startsWith("Error: ")) document.title = `Error: ${document.title}`;
};

if (form) {
  const status = document.querySelector("[data-save-status]");
  const lock = form.querySelector("input[name=lock_version]");
  let timer;
  let dirty = false;
  let stopped = false;
  let saving = false;

  const stop = (message) => {
    stopped = true;
    window.clearTimeout(timer);
    status.textContent = "Your latest changes are not saved.";
    showProblem(message);
  };

  const save = async () => {
    if (!dirty || stopped) return;
    if (saving) {
      // One save at a time: the next one needs the lock version this one brings back.
      timer = window.setTimeout(save, 1000);
      return;
    }
    saving = true;
    dirty = false;
    const body = new FormData(form);
    body.delete("action");
    try {
      const response = await fetch(form.dataset.autosaveUrl, {
        method: "POST",
        body,
        credentials: "same-origin",
        headers: { Accept: "application/json" },
      });
      const answer = await response.json().catch(() => ({}));
      if (response.ok) {
        lock.value = answer.lock_version;
        status.textContent = `Draft last saved at ${answer.saved} today by ${answer.by}.`;
        restartIdleClock();
      } else if (response.status === 409) {
        stop(answer.message);
      } else if (response.status === 401) {
        stop(
          "You have been signed out, so your latest changes are not saved: copy them, then sign in again",
        );
      } else {
        status.textContent = answer.message || "Your draft could not be saved automatically";
        dirty = true;
        if (response.status === 503) {
          // The service is busy: try again when it says, without waiting for more typing.
          const seconds = Number(response.headers.get("Retry-After")) || 5;
          window.clearTimeout(timer);
          timer = window.setTimeout(save, seconds * 1000);
        }
      }
    } catch {
      status.textContent = "Your draft could not be saved automatically: check your connection";
      dirty = true;
    } finally {
      saving = false;
    }
  };

  const changed = () => {
    dirty = true;
    window.clearTimeout(timer);
    timer = window.setTimeout(save, 3000);
  };
  form.addEventListener("input", changed);
  form.addEventListener("change", changed);

  // "Add another" and "Remove" post the page as the buttons do without JavaScript (the
  // server saves it, then answers with the page at the block), but in place: the blocks are
  // swapped without a reload, and focus moves to the new block's first box, or to the block
  // that took the removed one's place.
  const changeBlocks = async (button) => {
    const repeat = button.closest("[data-repeat]");
    const body = new FormData(form);
    body.delete("action");
    body.append(button.name, button.value);
    window.clearTimeout(timer);
    stopped = true; // no autosave while the page is being saved
    saving = true;
    try {
      // (not form.action: the buttons named "action" shadow that property)
      const response = await fetch(form.getAttribute("action") || window.location.pathname, {
        method: "POST",
        body,
        credentials: "same-origin",
      });
      const html = new DOMParser().parseFromString(await response.text(), "text/html");
      const fresh = html.getElementById(repeat.id);
      if (!response.ok || !response.redirected || !fresh) {
        // Refused (someone else saved, or the session ended): show the page as the server did.
        document.querySelector("main").replaceWith(html.querySelector("main"));
        initAll({ scope: document.querySelector("main") });
        return;
      }
      repeat.replaceWith(fresh);
      initAll({ scope: fresh });
      lock.value = html.querySelector("input[name=lock_version]").value;
      status.textContent = html.querySelector("[data-save-status]").textContent;
      dirty = false;
      stopped = false;
      const landing = new URL(response.url).hash || "";
      const blocks = fresh.querySelectorAll(".app-repeat-entry");
      const index = button.name.startsWith("add_")
        ? blocks.length - 1
        : Math.min(Number(button.value), blocks.length - 1);
      const block = blocks[index] || (landing && document.querySelector(landing));
      (block?.querySelector("input:not([type=hidden]), textarea") || block)?.focus();
    } catch {
      stopped = false;
      status.textContent = "The page could not be saved: check your connection, then try again";
    } finally {
      saving = false;
    }
  };
  form.addEventListener("click", (event) => {
    const button = event.target.closest("button[name^=add_], button[name^=remove_]");
    if (!button || typeof window.DOMParser !== "function") return;
    event.preventDefault();
    changeBlocks(button);
  });

  // A button press saves the page itself: the autosave must not race it.
  form.addEventListener("submit", () => {
    stopped = true;
    window.clearTimeout(timer);
  });
  // Leaving the page (a link, closing the tab) saves what was typed since the last save.
  // `keepalive` lets that last save finish after the page is gone; browsers refuse it for
  // bodies over 64 KB, so a bigger page is sent without it (and saved on the way out too,
  // as the page stays while the browser waits for the next one).
  const leaving = () => {
    if (!dirty || stopped || saving) return;
    const body = new FormData(form);
    body.delete("action");
    const size = [...body.values()].reduce((n, v) => n + String(v).length * 3, 0);
    fetch(form.dataset.autosaveUrl, {
      method: "POST",
      body,
      credentials: "same-origin",
      headers: { Accept: "application/json" },
      keepalive: size < 60000,
    }).catch(() => {});
    dirty = false;
  };
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "hidden") leaving();
  });
  window.addEventListener("pagehide", leaving);
  // A link on the page (back to the list of sections, the case) saves first, then goes.
  document.addEventListener("click", async (event) => {
    const link = event.target.closest("a[href]");
    if (!link || !dirty || stopped || event.ctrlKey || event.metaKey || event.shiftKey) return;
    if (link.target || new URL(link.href).origin !== window.location.origin) return;
    event.preventDefault();
    window.clearTimeout(timer);
    while (saving) await new Promise((resolve) => window.setTimeout(resolve, 100));
    await save();
    if (!stopped) window.location.assign(link.href);
  });
  // Back to this page from the browser's cache: what it holds may be out of date.
  window.addEventListener("pageshow", (event) => {
    if (event.persisted) window.location.reload();
  });
}
