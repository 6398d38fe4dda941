// The training simulator: start a session from the scenario list, then talk to the
// simulated customer. The server keeps the session (a reload continues it) and renders
// every fragment inserted here; in pressure mode it also times each reply itself, and
// the clock shown here is only a countdown from the seconds it reported.
import { postJSON } from "./api.js";

const API = "/console/api/training/sessions";

function showError(node, message) {
  if (node) node.textContent = message;
}

// --- The scenario list: start a session ----------------------------------------------
function startForm(form) {
  const error = document.getElementById("start-error");
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    showError(error, "");
    const picked = form.querySelector('input[name="scenario"]:checked');
    const seedText = form.seed.value.trim();
    const pressureText = form.pressure.value.trim();
    const body = {
      scenario: picked ? picked.value : "",
      seed: seedText === "" ? 0 : Number(seedText),
      pressure: pressureText === "" ? null : Number(pressureText),
    };
    if (!Number.isInteger(body.seed) || body.seed < 0) {
      showError(error, "The seed must be a whole number, 0 or more.");
      form.seed.focus();
      return;
    }
    const button = form.querySelector("button[type=submit]");
    button.disabled = true;
    try {
      const data = await postJSON(API, body);
      window.location.assign(data.state.url);
    } catch (problem) {
      showError(error, problem.message);
      button.disabled = false;
    }
  });
}

// --- One session: the conversation ----------------------------------------------------
function countdown(root) {
  const clock = document.getElementById("clock");
  let timer = null;
  const start = (remaining) => {
    clearInterval(timer);
    if (!clock || remaining === null || remaining === undefined || remaining === "") return;
    const ends = Date.now() + Number(remaining) * 1000;
    const tick = () => {
      const left = Math.round((ends - Date.now()) / 1000);
      clock.classList.toggle("over", left < 0);
      clock.textContent = left >= 0
        ? `${left} s left for this reply`
        : `Over time by ${-left} s: the customer is getting impatient`;
    };
    tick();
    timer = setInterval(tick, 1000);
  };
  const stop = () => {
    clearInterval(timer);
    if (clock) clock.hidden = true;
  };
  start(root.dataset.remaining);
  return { start, stop };
}

function conversation(root) {
  const id = root.dataset.id;
  const form = document.getElementById("reply-form");
  const box = document.getElementById("reply");
  const label = document.getElementById("reply-label");
  const error = document.getElementById("reply-error");
  const chat = document.getElementById("chat");
  const live = document.getElementById("customer-live");
  const clock = countdown(root);
  let busy = false;

  const apply = (data) => {
    const { state, html } = data;
    if (html.exchange) chat.insertAdjacentHTML("beforeend", html.exchange);
    document.getElementById("now-gauge").innerHTML = html.gauge;
    document.getElementById("status").innerHTML = html.status;
    if (data.exchange) {
      const delta = data.exchange.temperature - data.exchange.temperature_before;
      const moved = delta > 0 ? `up ${delta.toFixed(0)}` : `down ${(-delta).toFixed(0)}`;
      live.textContent = `Customer (${state.temperature.toFixed(0)} °C, ${moved}): ${data.exchange.customer.text}`;
    }
    label.textContent = state.awaiting_callback ? "Your callback" : "Your reply";
    root.dataset.finished = String(state.finished);
    if (state.finished) {
      clock.stop();
      form.remove();
      document.getElementById("debrief-slot").innerHTML = html.debrief ?? "";
      document.getElementById("debrief-title")?.focus();
    } else {
      clock.start(state.remaining_s);
      chat.lastElementChild?.scrollIntoView({ block: "nearest" });
    }
  };

  const send = async (url, body) => {
    if (busy) return;
    busy = true;
    form.querySelectorAll("button").forEach((b) => { b.disabled = true; });
    showError(error, "");
    try {
      apply(await postJSON(url, body));
      if (root.dataset.finished !== "true") {
        box.value = "";
        box.focus();
      }
    } catch (problem) {
      showError(error, problem.message);
    } finally {
      busy = false;
      form.querySelectorAll("button").forEach((b) => { b.disabled = false; });
    }
  };

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const text = box.value.trim();
    if (!text) {
      showError(error, "Write a reply before sending it.");
      box.focus();
      return;
    }
    send(`${API}/${id}/replies`, { reply: text });
  });
  box.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      form.requestSubmit();
    }
  });
  document.getElementById("end").addEventListener("click", () => send(`${API}/${id}/end`, {}));
  box.focus();
}

const startAt = document.getElementById("start-form");
if (startAt) startForm(startAt);
const session = document.getElementById("training");
if (session && document.getElementById("reply-form")) conversation(session);
