// Progressive enhancement for the Voice Clone pages. Without it every page still works (forms post and the
// server answers with the whole page); with it the draft streams in and character counts update as you type.

/** Shows `length` of `limit` characters in `output`, marked (in words, not only colour) when over. */
function showCount(output, length, limit, what = "") {
  if (!output) return;
  const over = limit > 0 && length > limit;
  output.textContent = limit > 0
    ? `${what}${length} of ${limit} characters${over ? ` — ${length - limit} over the platform's limit` : ""}`
    : `${what}${length} characters`;
  output.classList.toggle("over", over);
}

function platformLimit(select) {
  const option = select && select.selectedOptions[0];
  return option && option.dataset.limit ? Number(option.dataset.limit) : 0;
}

/** Characters counted as the platform counts them: the whole text, or its longest post (posts are separated by blank lines). */
function measure(text, select) {
  const option = select && select.selectedOptions[0];
  if (option && option.dataset.perPost) {
    const posts = text.split(/\n\s*\n/);
    return { length: Math.max(0, ...posts.map((post) => Array.from(post.trim()).length)), what: posts.length > 1 ? "longest post: " : "" };
  }
  return { length: Array.from(text).length, what: "" };
}

/** Reads a text/event-stream response, calling `onEvent(name, data)` for each event. */
async function readEvents(response, onEvent) {
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    let end;
    while ((end = buffer.indexOf("\n\n")) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      let name = "message";
      const data = [];
      for (const line of block.split("\n")) {
        if (line.startsWith("event:")) name = line.slice(6).trim();
        else if (line.startsWith("data:")) data.push(line.slice(5).replace(/^ /, ""));
      }
      if (data.length) onEvent(name, JSON.parse(data.join("\n")));
    }
  }
}

function element(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

/** A text cut into what a reader sees as characters (Swift's Characters: the detector's spans count these). */
function characters(text) {
  if (typeof Intl !== "undefined" && Intl.Segmenter) return Array.from(new Intl.Segmenter().segment(text), (part) => part.segment);
  return Array.from(text);
}

/**
 * Draws the detector's flagged sentences marked in place in `area`: each mark is focusable and explains itself
 * on hover and focus (title, data-hint for the CSS tooltip, aria-describedby to its line in the list below).
 */
function showFlags(area, text, flags) {
  area.replaceChildren();
  const sorted = (flags || []).slice().sort((a, b) => a.span.start_character - b.span.start_character);
  if (!sorted.length) return;
  const chars = characters(text);
  const heading = element("h3", `${sorted.length} sentence(s) read as AI-written`);
  heading.id = "flags-heading";
  const marked = element("div", undefined, "highlighted");
  marked.id = "draft-flags";
  const list = element("ol", undefined, "flags");
  list.id = "draft-flag-list";
  let position = 0;
  sorted.forEach((flag, index) => {
    const start = Math.max(position, Math.min(flag.span.start_character, chars.length));
    const end = Math.max(start, Math.min(flag.span.end_character, chars.length));
    if (end <= start) return;
    const number = list.children.length + 1;
    const why = `${flag.reasons.join("; ")}. ${flag.suggestion}`;
    if (start > position) marked.append(chars.slice(position, start).join(""));
    const mark = element("mark", chars.slice(start, end).join(""));
    mark.tabIndex = 0;
    mark.title = why;
    mark.dataset.hint = why;
    mark.setAttribute("aria-describedby", `flag-${number}`);
    mark.append(element("sup", String(number)));
    marked.append(mark);
    const item = element("li", `${flag.reasons.map((reason) => `${reason}. `).join("")}Try: ${flag.suggestion}`);
    item.id = `flag-${number}`;
    list.append(item);
    position = end;
  });
  if (position < chars.length) marked.append(chars.slice(position).join(""));
  area.append(heading, element("p", "Marked in place; focus or hover a mark for why and what to try.", "muted"), marked, list);
}

/** Asks the detector (the API's `detect`, the Check page's judge) about `text` and marks its flagged sentences. */
async function refreshFlags(area, text, voice) {
  if (!area) return;
  if (!text.trim()) { area.replaceChildren(); return; }
  try {
    const response = await fetch("/api/detect", {
      method: "POST", credentials: "same-origin", headers: { "Content-Type": "application/json" },
      body: JSON.stringify(voice ? { text, clone: voice } : { text }),
    });
    if (!response.ok) return; // the server-rendered marks (or none) stay; the count still works
    const report = await response.json();
    showFlags(area, text, report.flags);
  } catch (error) {
    // Offline or the server stopped: leave the marks as they were.
  }
}

function enhanceWrite() {
  const form = document.getElementById("write-form");
  const draft = document.getElementById("draft");
  if (!form || !draft) return;
  const platform = document.getElementById("platform");
  const count = document.getElementById("count");
  const status = document.getElementById("draft-status");
  const result = document.getElementById("draft-result");
  const update = () => {
    const { length, what } = measure(draft.value, platform);
    showCount(count, length, platformLimit(platform), what);
  };
  const flagsArea = document.getElementById("flags-area");
  const voiceSelect = document.getElementById("voice");
  let flagTimer;
  // Marks follow the draft as it is edited, once typing pauses (one detector call, not one per key).
  const scheduleFlags = () => {
    clearTimeout(flagTimer);
    flagTimer = setTimeout(() => refreshFlags(flagsArea, draft.value, voiceSelect && voiceSelect.value), 600);
  };
  platform.addEventListener("change", update);
  draft.addEventListener("input", () => { update(); scheduleFlags(); });
  update();

  form.addEventListener("submit", async (event) => {
    // Several variants arrive whole, side by side: the form posts as it does without JavaScript.
    // So do refined pieces (known only at the end) and a local model server chosen from the probe (the server
    // resolves its address).
    const variants = document.getElementById("variants");
    if (variants && Number(variants.value) > 1) return;
    const refine = document.getElementById("refine");
    if (refine && refine.value) return;
    if (String(new FormData(form).get("provider") || "").startsWith("server:")) return;
    event.preventDefault();
    const data = new FormData(form);
    const voice = data.get("voice");
    const body = { prompt: data.get("prompt"), platform: data.get("platform"), provider: data.get("provider"), save: data.get("save") === "1" };
    if (data.get("model")) body.model = data.get("model");
    const button = form.querySelector("button[type=submit]");
    button.disabled = true;
    draft.value = "";
    result.replaceChildren();
    if (flagsArea) flagsArea.replaceChildren();
    status.textContent = "Writing…";
    update();
    try {
      const response = await fetch(`/api/clones/${encodeURIComponent(voice)}/generate`, {
        method: "POST", credentials: "same-origin",
        headers: { "Content-Type": "application/json", "Accept": "text/event-stream" },
        body: JSON.stringify(body),
      });
      if (!response.ok) {
        const problem = await response.json().catch(() => ({ detail: response.statusText }));
        throw new Error(problem.detail || response.statusText);
      }
      await readEvents(response, (name, value) => {
        if (name === "text" && value.variant === 1) {
          draft.value += value.text;
          update();
        } else if (name === "result") {
          const piece = Array.isArray(value) ? value[0] : value;
          draft.value = piece.text;
          update();
          const summary = [`Written by ${piece.provider} (${piece.model}), ${Array.from(piece.text).length} characters.`];
          if (piece.voice_match != null) summary.push(`Voice match ${piece.voice_match}/100.`);
          if (piece.ai_likeness != null) summary.push(`AI-likeness ${piece.ai_likeness}/100.`);
          // A skeleton (no notes given) is placeholders, not writing: the server scores nothing, and nor do we.
          const scored = piece.ai_likeness != null;
          if (!scored) summary.push("Not scored: it is a skeleton of [placeholders] to fill in, not writing.");
          result.append(element("p", summary.join(" ")));
          const checks = element("ul", undefined, "checks");
          for (const check of piece.checks || []) {
            checks.append(element("li", `${check.passed ? "✓ passed" : "✗ failed"}: ${check.name} — ${check.detail}`, check.passed ? "pass" : "fail"));
          }
          result.append(checks);
          if (scored) refreshFlags(flagsArea, piece.text, voice);
          if (piece.saved) {
            const p = element("p", "Saved to the library as ");
            const link = element("a", piece.saved.id);
            link.href = `/library/${encodeURIComponent(piece.saved.id)}`;
            p.append(link, ".");
            result.append(p);
          }
          status.textContent = "Done.";
        } else if (name === "failed") {
          throw new Error(value.detail || "The draft could not be written.");
        }
      });
    } catch (error) {
      status.textContent = `Could not write the draft: ${error.message}`;
    } finally {
      button.disabled = false;
    }
  });
}

function enhanceEditor() {
  const text = document.getElementById("piece-text");
  const count = document.getElementById("count");
  if (!text || !count) return;
  const limit = text.dataset.limit ? Number(text.dataset.limit) : 0;
  const update = () => showCount(count, Array.from(text.value).length, limit);
  text.addEventListener("input", update);
  update();
}

/** Files dropped on the voice page's upload form fill its file input and send it; the form works alone without this. */
function enhanceUpload() {
  const form = document.getElementById("upload-form");
  const input = document.getElementById("file");
  if (!form || !input) return;
  const hint = document.getElementById("drop-hint");
  if (hint) hint.hidden = false;
  const highlight = (on) => form.classList.toggle("dropping", on);
  const carriesFiles = (event) => event.dataTransfer && Array.from(event.dataTransfer.types || []).includes("Files");
  form.addEventListener("dragenter", (event) => { if (carriesFiles(event)) { event.preventDefault(); highlight(true); } });
  form.addEventListener("dragover", (event) => { if (carriesFiles(event)) { event.preventDefault(); highlight(true); } });
  form.addEventListener("dragleave", (event) => { if (!form.contains(event.relatedTarget)) highlight(false); });
  form.addEventListener("drop", (event) => {
    const files = event.dataTransfer ? event.dataTransfer.files : null;
    if (!files || files.length === 0) return;
    event.preventDefault();
    highlight(false);
    input.files = files;
    if (hint) hint.textContent = `Uploading ${Array.from(files).map((file) => file.name).join(", ")}…`;
    form.requestSubmit();
  });
}

/** Each merge weight gets a slider beside its number (both stay in step; the number is what the form sends). */
function enhanceWeights() {
  for (const number of document.querySelectorAll("#merge-form input.weight")) {
    const label = document.querySelector(`label[for="${number.id}"]`);
    const slider = document.createElement("input");
    slider.type = "range";
    slider.min = number.min;
    slider.max = number.max;
    slider.step = "1";
    slider.value = number.value;
    slider.id = `${number.id}-slider`;
    if (label) slider.setAttribute("aria-label", `${label.textContent} (slider)`);
    const row = document.createElement("div");
    row.className = "weight-controls";
    number.replaceWith(row);
    row.append(slider, number);
    slider.addEventListener("input", () => { number.value = slider.value; });
    number.addEventListener("input", () => { if (number.value !== "") slider.value = number.value; });
  }
}

enhanceWrite();
enhanceEditor();
enhanceWeights();
enhanceUpload();
