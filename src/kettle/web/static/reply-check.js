// The reply box: checked as the agent types (debounced), anti-patterns highlighted in
// place with a one-click rewrite, promises with their due time in the customer's zone,
// techniques present and missing, and suggestions inserted with one click.
import { debounce, el, postJSON } from "./api.js";

const form = document.getElementById("reply-form");
const box = document.getElementById("reply");
const mirror = document.getElementById("reply-mirror");
const status = document.getElementById("check-status");
const panel = document.getElementById("check");
const DELAY_MS = 250;
let sequence = 0;
let inflight = null;

const NAMES = {
  acknowledgement: "acknowledgement", apology: "apology", empathy: "empathy",
  restatement: "restatement", feeling_guess: "feeling guess", ownership: "ownership",
  plan: "plan", concrete_time: "concrete time", thanks: "thanks", question_open: "open question",
  question: "question", reflection: "reflection",
};
const words = (name) => NAMES[name] ?? name.replaceAll("_", " ");

// The sentence around [start, end): a rewrite replaces the whole sentence it sits in.
export function sentenceAround(text, start, end) {
  let from = start;
  while (from > 0 && !/[.!?\n]/.test(text[from - 1])) from -= 1;
  while (from < start && /\s/.test(text[from])) from += 1;
  let to = end;
  while (to < text.length && !/[.!?\n]/.test(text[to])) to += 1;
  while (to < text.length && /[.!?]/.test(text[to])) to += 1;
  return [from, to];
}

function applyRewrite(finding) {
  const text = box.value;
  if (text.slice(finding.span.start, finding.span.end) !== finding.span.text) return;
  const [from, to] = sentenceAround(text, finding.span.start, finding.span.end);
  box.value = text.slice(0, from) + finding.rewrite + text.slice(to);
  const caret = from + finding.rewrite.length;
  box.focus();
  box.setSelectionRange(caret, caret);
  refresh();
}

function insert(textToAdd) {
  const text = box.value;
  const at = box.selectionStart ?? text.length;
  const before = text.slice(0, at);
  const gap = before && !/\s$/.test(before) ? " " : "";
  box.value = before + gap + textToAdd + text.slice(at);
  const caret = (before + gap + textToAdd).length;
  box.focus();
  box.setSelectionRange(caret, caret);
  refresh();
}

function paintMirror(text, review) {
  const marks = [
    ...review.anti_patterns.map((f) => ({ ...f.span, cls: "bad" })),
    ...review.commitments.map((c) => ({ ...c.span, cls: "promise" })),
  ].sort((a, b) => a.start - b.start);
  mirror.replaceChildren();
  let at = 0;
  for (const mark of marks) {
    if (mark.start < at) continue;
    mirror.append(text.slice(at, mark.start), el("mark", { class: mark.cls }, text.slice(mark.start, mark.end)));
    at = mark.end;
  }
  mirror.append(text.slice(at) + "\n");
  mirror.scrollTop = box.scrollTop;
}

function antiPatternItem(finding) {
  const item = el("li", { class: "finding", "data-name": finding.name },
    el("span", { class: "quote" }, `“${finding.span.text}”`), ` · ${words(finding.name)}: `, finding.message);
  if (finding.rewrite) {
    item.append(el("div", { class: "small" }, `Try: “${finding.rewrite}”`),
      el("button", { type: "button", class: "apply-rewrite", onclick: () => applyRewrite(finding) },
        "Apply rewrite"));
  }
  return item;
}

function promiseItem(c) {
  const due = c.due_local
    ? `due ${c.due_local}${c.due_relative ? ` (${c.due_relative})` : ""}`
    : "no due time: say by when";
  const item = el("li", { class: "finding promise", "data-due": c.due ?? "" },
    el("span", { class: "quote" }, `“${c.span.text}”`), " → ", el("strong", {}, c.action), `, ${due}`);
  if (c.past) item.append(el("div", { class: "small" }, "This time has already passed for the customer."));
  if (c.vague) item.append(el("div", { class: "small" }, "Vague: give a concrete time."));
  return item;
}

function render(text, review) {
  paintMirror(text, review);
  panel.hidden = false;
  const verdict = document.getElementById("verdict");
  const labels = { send: "Good to send", improve: "Could be better", dont_send: "Don't send this yet",
    not_checked: "Not checked" };
  verdict.className = `verdict verdict-${review.verdict}`;
  verdict.textContent = `${labels[review.verdict] ?? review.verdict}${review.reason ? ` — ${review.reason}` : ""}`;
  const list = (id, items, make, empty) => {
    const node = document.getElementById(id);
    node.replaceChildren(...(items.length ? items.map(make) : [el("li", { class: "muted" }, empty)]));
  };
  list("antipatterns", review.anti_patterns, antiPatternItem, "None found.");
  list("promises-found", review.commitments, promiseItem, "No promise in this reply.");
  const present = [...new Set(review.techniques.map((t) => t.name))];
  list("techniques", present, (n) => el("li", {}, `✓ ${words(n)}`), "No technique yet.");
  list("missing", review.missing, (n) => el("li", {}, `missing: ${words(n)}`), "Nothing missing.");
  document.getElementById("advice").textContent = review.advice ?? "";
  status.textContent = review.english === false
    ? "Not checked: this reply is not in English."
    : `Checked: ${review.anti_patterns.length} problem(s), ${review.commitments.length} promise(s).`;
}

async function check() {
  const text = box.value;
  const mine = ++sequence;
  if (!text.trim()) {
    mirror.replaceChildren();
    panel.hidden = true;
    status.textContent = "Checked as you type.";
    return;
  }
  inflight?.abort();
  inflight = new AbortController();
  status.textContent = "Checking…";
  try {
    const review = await postJSON(form.dataset.checkUrl, { reply: text }, { signal: inflight.signal });
    if (mine === sequence && box.value === text) render(text, review);
  } catch (error) {
    if (error.name !== "AbortError" && mine === sequence) status.textContent = `Check failed: ${error.message}`;
  }
}

const refresh = debounce(check, DELAY_MS);

if (form && box) {
  box.addEventListener("input", () => {
    mirror.textContent = box.value + "\n";
    refresh();
  });
  box.addEventListener("scroll", () => { mirror.scrollTop = box.scrollTop; });
  box.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) form.requestSubmit();
  });
  form.addEventListener("submit", () => {
    document.getElementById("send").disabled = true;
  });
  for (const button of document.querySelectorAll("button.insert")) {
    button.addEventListener("click", () => insert(button.dataset.text));
  }
}
