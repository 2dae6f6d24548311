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

// Autosave: a form with data-autosave-url saves its draft a few seconds after the user stops
// typing, and when they leave the page. The server refuses a save made on an out-of-date copy
// (someone else saved since): the message says who and when, and autosave stops.
const form = document.querySelector("form[data-autosave-url]");

if (form) {
  const status = form.querySelector(".app-autosave-status");
  const lock = form.querySelector("input[name=lock_version]");
  let timer;
  let dirty = false;
  let stopped = false;
  let saving = false;

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
        keepalive: true,
      });
      const answer = await response.json().catch(() => ({}));
      if (response.ok) {
        lock.value = answer.lock_version;
        status.textContent = `Draft saved at ${answer.saved}`;
        restartIdleClock();
      } else {
        status.textContent =
          response.status === 401
            ? "You have been signed out, so your latest changes are not saved: copy them, then sign in again"
            : answer.message || "Your draft could not be saved automatically";
        stopped = response.status === 409 || response.status === 401;
        if (!stopped) dirty = true;
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
  // A button press saves or submits the form itself: the autosave must not race it.
  form.addEventListener("submit", () => {
    stopped = true;
    window.clearTimeout(timer);
  });
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "hidden") save();
  });
}
