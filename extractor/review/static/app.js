// trialx review: the documents list, the document view and its form, generated from the gold JSON Schema.
// Plain JS, no dependencies. Every text reaches the page through textContent or a text node, never as HTML.
"use strict";

(() => {
  const state = {
    meta: null, docs: [], shown: [], cursor: 0,
    doc: null, record: null, spans: [], problems: [], selected: null, selection: null,
    checkTimer: null, checkSeq: 0,
  };
  const $ = (id) => document.getElementById(id);
  const LONG = new Set(["evidence", "conclusion", "title"]);
  const KINDS = { response: "response", time_to_event: "time to event", safety: "safety", other: "other" };

  // ------------------------------------------------------------------ helpers

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value === undefined || value === null || value === false) continue;
      if (key === "class") node.className = value;
      else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
      else node.setAttribute(key, value === true ? "" : String(value));
    }
    for (const child of children) {
      if (child !== null && child !== undefined) node.append(child instanceof Node ? child : String(child));
    }
    return node;
  }

  async function api(path, body) {
    const options = body === undefined ? {} : {
      method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body),
    };
    const response = await fetch(path, options);
    let data = null;
    try { data = await response.json(); } catch (e) { data = { error: response.statusText }; }
    return { status: response.status, ok: response.ok, data };
  }

  function status(message, bad) {
    const node = $("status");
    node.textContent = message;
    node.classList.toggle("bad", !!bad);
  }

  const key = (path) => path.join(".");
  const copy = (value) => (value === undefined ? undefined : JSON.parse(JSON.stringify(value)));

  function getAt(path) {
    let value = state.record;
    for (const part of path) {
      if (value === null || value === undefined) return undefined;
      value = value[part];
    }
    return value;
  }

  function setAt(path, value) {
    let node = state.record;
    for (const part of path.slice(0, -1)) node = node[part];
    node[path[path.length - 1]] = value;
  }

  function removeAt(path) {
    let node = state.record;
    for (const part of path.slice(0, -1)) node = node[part];
    const last = path[path.length - 1];
    if (Array.isArray(node)) node.splice(last, 1); else delete node[last];
  }

  // ------------------------------------------------------------------ schema

  function resolve(node) {
    while (node && node.$ref) node = state.meta.schema.$defs[node.$ref.split("/").pop()];
    return node;
  }

  /** [the schema without its null branch, whether null is allowed] */
  function unwrap(node) {
    node = resolve(node);
    if (node && node.anyOf) {
      const others = node.anyOf.filter((n) => n.type !== "null");
      if (others.length === 1 && others.length < node.anyOf.length) return [resolve(others[0]), true];
    }
    return [node, false];
  }

  const title = (node) => (node.title === "GoldTrial" ? "Trial" : node.title);

  /** A new value for a schema node: what the form starts an added item with. */
  function fresh(node, all) {
    const [inner, nullable] = unwrap(node);
    if (nullable) return inner.type === "array" ? [] : null;
    if ("default" in node) return copy(node.default);
    if (inner.enum) return inner.enum[0];
    switch (inner.type) {
      case "string": return "";
      case "boolean": return "default" in inner ? inner.default : false;
      case "array": return [];
      case "object": {
        const value = {};
        for (const [name, prop] of Object.entries(inner.properties)) {
          if (all || (inner.required || []).includes(name) || "default" in prop) value[name] = fresh(prop, false);
        }
        return value;
      }
      default: return null;
    }
  }

  // ------------------------------------------------------------------ documents list

  function matches(doc) {
    const q = $("search").value.trim().toLowerCase();
    if (q && !(doc.doc_id.toLowerCase().includes(q) || (doc.title || "").toLowerCase().includes(q))) return false;
    const want = (id, has) => { const v = $(id).value; return !v || (v === "yes") === has; };
    return want("f-gold", doc.gold) && want("f-trials", doc.trials > 0) && want("f-results", doc.results > 0)
      && want("f-warnings", doc.warnings > 0) && want("f-differs", !!doc.differs);
  }

  function renderList() {
    state.shown = state.docs.filter(matches);
    state.cursor = Math.min(state.cursor, Math.max(0, state.shown.length - 1));
    const list = $("documents");
    list.textContent = "";
    state.shown.forEach((doc, i) => {
      const plural = (n, word) => `${n} ${word}${n === 1 ? "" : "s"}`;
      const item = el("li", {
        role: "option", "data-doc-id": doc.doc_id,
        class: [i === state.cursor ? "cursor" : "", state.doc && state.doc.doc_id === doc.doc_id ? "open" : ""].join(" "),
        onclick: () => { state.cursor = i; openDocument(doc.doc_id); },
      },
      el("span", { class: "id" }, doc.doc_id),
      doc.gold ? el("span", { class: "badge gold" }, "gold") : null,
      doc.differs ? el("span", { class: "badge differs" }, "differs") : null,
      doc.text ? null : el("span", { class: "badge notext" }, "no text"),
      el("span", { class: "title" }, doc.title || ""),
      el("span", { class: "counts" },
        `${plural(doc.trials, "trial")} · ${plural(doc.results, "result")} · ${plural(doc.warnings, "warning")}`));
      list.append(item);
    });
    $("count").textContent = `${state.shown.length} of ${state.docs.length} documents`;
  }

  function moveCursor(step) {
    if (!state.shown.length) return;
    state.cursor = Math.max(0, Math.min(state.shown.length - 1, state.cursor + step));
    renderList();
    const item = $("documents").children[state.cursor];
    if (item) item.scrollIntoView({ block: "nearest" });
  }

  function onKey(event) {
    const target = event.target;
    const typing = target.matches("input, textarea, select") && target.id !== "search";
    if (typing) return;
    if (event.key === "/" && target.id !== "search") { event.preventDefault(); $("search").focus(); return; }
    if (target.id === "search" && !["ArrowDown", "ArrowUp", "Enter", "Escape"].includes(event.key)) return;
    if (event.key === "ArrowDown" || event.key === "j") { event.preventDefault(); moveCursor(1); }
    else if (event.key === "ArrowUp" || event.key === "k") { event.preventDefault(); moveCursor(-1); }
    else if (event.key === "Enter" && state.shown[state.cursor] && !target.matches("button")) {
      event.preventDefault();
      openDocument(state.shown[state.cursor].doc_id);
    } else if (event.key === "Escape") target.blur();
  }

  // ------------------------------------------------------------------ document view

  async function openDocument(docId) {
    const response = await api(`api/document?doc_id=${encodeURIComponent(docId)}`);
    if (!response.ok) { status(response.data.error, true); return; }
    const doc = response.data;
    state.doc = doc;
    state.record = copy(doc.start);
    state.spans = doc.spans;
    state.problems = doc.problems;
    state.selected = null;
    state.cursor = Math.max(0, state.shown.findIndex((d) => d.doc_id === docId));
    history.replaceState(null, "", `#doc=${encodeURIComponent(docId)}`);
    $("empty").hidden = true;
    $("doc").hidden = false;
    $("doc-title").textContent = doc.title ? `${doc.doc_id}: ${doc.title}` : doc.doc_id;
    const from = { gold: `Starting from the gold file ${doc.gold_path}.`,
      run: "Starting from the run's record (no gold file yet).",
      compare: "Starting from the compared run's record (the run has none)." }[doc.start_from];
    const warnings = (doc.run && doc.run.warnings.length) ? ` Warnings: ${doc.run.warnings.join("; ")}.` : "";
    $("doc-info").textContent = `${doc.source || ""} — ${from}${doc.gold_problem ? " " + doc.gold_problem : ""}${warnings}`;
    $("save").disabled = doc.text === null || !doc.gold_path;
    renderList();
    renderText();
    renderForm();
    renderProblems();
    renderCompare();
    status("");
  }

  function renderText() {
    const box = $("text");
    box.textContent = "";
    const text = state.doc.text;
    if (text === null) {
      box.append(el("p", { class: "missing" }, "The text of this document was not found: it comes from its gold file, or "
        + "from the inputs the record's source names (or trialx review --input)."));
      return;
    }
    const points = new Set([0, text.length]);
    for (const span of state.spans) { points.add(span.start); points.add(span.end); }
    const sorted = [...points].sort((a, b) => a - b);
    for (let i = 0; i + 1 < sorted.length; i++) {
      const [start, end] = [sorted[i], sorted[i + 1]];
      const covering = state.spans.filter((s) => s.start <= start && s.end >= end);
      const chunk = text.slice(start, end);
      if (!covering.length) { box.append(document.createTextNode(chunk)); continue; }
      const keys = covering.map((s) => `${s.trial}.${s.result}`);
      // Colour of the first result's kind; the other kinds the quote also holds underline it.
      const kinds = [...new Set(covering.map((s) => s.kind))];
      const classes = [`kind-${kinds[0]}`, ...kinds.slice(1).map((kind) => `also-${kind}`)].join(" ");
      const mark = el("mark", { class: classes, "data-results": keys.join(" "),
        title: `${covering.length} result${covering.length > 1 ? "s" : ""}: click to select` }, chunk);
      box.append(mark);
    }
    showSelected(false);
  }

  function onTextClick(event) {
    const mark = event.target.closest("mark");
    if (!mark || !window.getSelection().isCollapsed) return;
    const keys = mark.dataset.results.split(" ");
    const current = state.selected ? state.selected.join(".") : null;
    const next = keys[(keys.indexOf(current) + 1) % keys.length];  // a second click on overlaps takes the next
    selectResult(next.split(".").map(Number), "form");
  }

  function selectResult(indices, scroll) {
    state.selected = indices;
    showSelected(scroll);
  }

  function showSelected(scroll) {
    const wanted = state.selected ? state.selected.join(".") : null;
    let firstMark = null;
    for (const mark of $("text").querySelectorAll("mark")) {
      const on = wanted !== null && mark.dataset.results.split(" ").includes(wanted);
      mark.classList.toggle("selected", on);
      if (on && !firstMark) firstMark = mark;
    }
    let box = null;
    for (const fieldset of $("record").querySelectorAll("fieldset.result")) {
      const on = wanted !== null && fieldset.dataset.result === wanted;
      fieldset.classList.toggle("selected", on);
      if (on) box = fieldset;
    }
    if (scroll === "form" && box) box.scrollIntoView({ block: "nearest" });
    if (scroll === "text" && firstMark) firstMark.scrollIntoView({ block: "nearest" });
  }

  // ------------------------------------------------------------------ the form

  function changed(structural) {
    if (structural) renderForm();
    clearTimeout(state.checkTimer);
    state.checkTimer = setTimeout(check, 150);
    status("checking…");
  }

  async function check() {
    const seq = ++state.checkSeq;
    const response = await api("api/check", { doc_id: state.doc.doc_id, record: state.record });
    if (seq !== state.checkSeq) return;  // a later edit has been sent
    if (!response.ok) { status(response.data.error, true); return; }
    const before = JSON.stringify(state.spans);
    state.problems = response.data.problems;
    state.spans = response.data.spans;
    if (JSON.stringify(state.spans) !== before) renderText();
    renderProblems();
    status("");
  }

  function parseNumber(text) {
    const trimmed = text.trim();
    if (trimmed === "") return null;
    const number = Number(trimmed);
    return Number.isFinite(number) && /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(trimmed) ? number : trimmed;
  }

  function scalarEditor(inner, nullable, path, name) {
    const value = getAt(path);
    const set = (v) => { setAt(path, v); changed(false); };
    const id = `f-${key(path)}`;
    if (inner.enum || inner.type === "boolean") {
      const options = inner.enum ? [...inner.enum] : [true, false];
      if (nullable) options.unshift(null);
      if (inner.type === "boolean" && !nullable) {
        return el("input", { type: "checkbox", id, checked: value === true, onchange: (e) => set(e.target.checked) });
      }
      const select = el("select", { id, onchange: (e) => set(JSON.parse(e.target.value)) },
        ...options.map((o) => el("option", { value: JSON.stringify(o), selected: o === value }, o === null ? "— null —" : String(o))));
      return select;
    }
    const shown = value === null || value === undefined ? "" : String(value);
    const numeric = inner.type === "number" || inner.type === "integer";
    const onInput = (e) => {
      const raw = e.target.value;
      set(numeric ? parseNumber(raw) : (nullable && raw === "" ? null : raw));
    };
    if (!numeric && LONG.has(name)) return el("textarea", { id, rows: name === "evidence" ? 3 : 2, oninput: onInput }, shown);
    return el("input", { type: "text", id, value: shown, inputmode: numeric ? "decimal" : null,
      placeholder: nullable ? "null" : null, oninput: onInput });
  }

  function listEditor(items, nullable, path, name) {
    const value = getAt(path);
    const list = Array.isArray(value) ? value : [];
    if (items.enum) {  // a set of choices (phases): one checkbox each
      return el("div", { class: "choices" }, ...items.enum.map((option) => el("label", {},
        el("input", { type: "checkbox", checked: list.includes(option), onchange: (e) => {
          const now = (Array.isArray(getAt(path)) ? getAt(path) : []).filter((x) => x !== option);
          if (e.target.checked) now.push(option);
          const ordered = items.enum.filter((x) => now.includes(x));
          setAt(path, ordered.length || !nullable ? ordered : null);
          changed(false);
        } }), option)));
    }
    const box = el("div", { class: "list" });
    list.forEach((item, i) => {
      const itemPath = [...path, i];
      const remove = el("button", { type: "button", class: "small remove", title: `remove ${name} ${i + 1}`,
        onclick: () => { removeAt(itemPath); changed(true); } }, "✕");
      if (items.type === "object") box.append(objectEditor(items, itemPath, `${title(items)} ${i + 1}`, remove));
      else box.append(el("div", { class: "list-item field", "data-path": key(itemPath) },
        scalarEditor(items, false, itemPath, name), remove, el("div", { class: "problems" })));
    });
    const label = items.type === "object" ? title(items).toLowerCase() : "add";
    box.append(el("button", { type: "button", class: `small add add-${name}`, onclick: () => {
      if (!Array.isArray(getAt(path))) setAt(path, []);
      getAt(path).push(fresh(items, items.title === "GoldTrial"));
      changed(true);
    } }, `+ ${label}`));
    return box;
  }

  function fieldRow(name, prop, path, unlabel) {
    const [inner, nullable] = unwrap(prop);
    const nested = (inner.type === "array" && resolve(inner.items).type === "object") || inner.type === "object";
    const row = el("div", { class: nested ? "field nested" : "field", "data-path": key(path) },
      el("label", { for: `f-${key(path)}`, title: prop.description || inner.description || "" }, name));
    let editor;
    if (inner.type === "array") editor = listEditor(resolve(inner.items), nullable, path, name);
    else if (inner.type === "object" && getAt(path) === null) {  // a null object (enrollment): fill it in on demand
      editor = el("span", { class: "hint" }, "null ", el("button", { type: "button", class: "small fill",
        onclick: () => { setAt(path, fresh(inner, true)); changed(true); } }, "fill in"));
    } else if (inner.type === "object") editor = objectEditor(inner, path, name, null);
    else editor = scalarEditor(inner, nullable, path, name);
    row.append(unlabel ? el("div", { class: "list-item" }, editor, unlabel) : editor);
    row.append(el("div", { class: "problems" }));
    return row;
  }

  function objectEditor(node, path, title, remove) {
    const value = getAt(path);
    const isResult = node.title === "Result";
    const labelling = node.title === "GoldTrial";  // gold trials: an absent key is a field not labelled
    const fieldset = el("fieldset", { class: `obj ${(node.title || "").toLowerCase()}${isResult ? " result" : ""}`,
      "data-path": key(path), "data-result": isResult ? `${path[1]}.${path[3]}` : null });
    const legendText = isResult
      ? `${title}: ${value.endpoint} ${value.measure} ${value.not_reached ? "NR" : value.value ?? ""} ${value.unit || ""}`
      : title;
    fieldset.append(el("legend", {}, legendText, remove));
    if (isResult) {
      const select = () => { if (!state.selected || state.selected.join(".") !== fieldset.dataset.result) {
        selectResult(fieldset.dataset.result.split(".").map(Number), "text"); } };
      fieldset.addEventListener("focusin", select);
      fieldset.addEventListener("click", select);
    }
    const required = node.required || [];
    for (const [name, prop] of Object.entries(node.properties)) {
      const fieldPath = [...path, name];
      const optional = labelling && !required.includes(name) && name !== "results_exhaustive";
      if (optional && !(name in value)) {
        fieldset.append(el("div", { class: "field unlabelled", "data-path": key(fieldPath) },
          el("label", { title: prop.description || "" }, name),
          el("span", { class: "hint" }, "not labelled (not scored) ",
            el("button", { type: "button", class: "small label", onclick: () => {
              setAt(fieldPath, fresh(prop, false)); changed(true);
            } }, "label it")),
          el("div", { class: "problems" })));
        continue;
      }
      if (!(name in value)) value[name] = fresh(prop, false);  // absent means its default
      const unlabel = optional ? el("button", { type: "button", class: "small unlabel", title: "not labelled: not scored",
        onclick: () => { removeAt(fieldPath); changed(true); } }, "unlabel") : null;
      fieldset.append(fieldRow(name, prop, fieldPath, unlabel));
    }
    fieldset.append(el("div", { class: "problems" }));
    return fieldset;
  }

  function renderForm() {
    const form = $("record");
    const scroll = $("record-pane").scrollTop;
    form.textContent = "";
    const schema = state.meta.schema;
    form.append(fieldRow("is_trial_report", schema.properties.is_trial_report, ["is_trial_report"], null));
    form.append(fieldRow("trials", schema.properties.trials, ["trials"], null));
    $("record-pane").scrollTop = scroll;
    showSelected(false);
  }

  function renderProblems() {
    const form = $("record");
    for (const node of form.querySelectorAll(".problem")) node.remove();
    for (const node of form.querySelectorAll(".has-problem")) node.classList.remove("has-problem");
    const summary = $("summary");
    summary.textContent = "";
    for (const problem of state.problems) {
      let path = problem.path.slice();
      let target = null;
      while (path.length && !(target = form.querySelector(`[data-path="${CSS.escape(key(path))}"]`))) path.pop();
      const where = problem.path.length ? `${key(problem.path)}: ` : "";
      if (target) {
        target.classList.add("has-problem");
        const box = target.querySelector(":scope > .problems") || target;
        box.append(el("div", { class: "problem" }, path.length === problem.path.length ? problem.message : where + problem.message));
      }
      summary.append(el("li", { onclick: () => target && target.scrollIntoView({ block: "center" }) }, where + problem.message));
    }
    summary.className = state.problems.length ? "bad" : "ok";
    summary.prepend(el("strong", {}, state.problems.length
      ? `${state.problems.length} problem${state.problems.length > 1 ? "s" : ""} to fix before saving`
      : "No problems: ready to save as gold"));
  }

  // ------------------------------------------------------------------ new result from a selection

  function selectionInText() {
    const selection = window.getSelection();
    if (!state.doc || state.doc.text === null || !selection.rangeCount || selection.isCollapsed) return null;
    const range = selection.getRangeAt(0);
    const box = $("text");
    if (!box.contains(range.startContainer) || !box.contains(range.endContainer)) return null;
    const before = document.createRange();
    before.selectNodeContents(box);
    before.setEnd(range.startContainer, range.startOffset);
    const raw = range.toString();
    const quote = raw.trim();
    const start = before.toString().length + (raw.length - raw.trimStart().length);
    if (!quote || state.doc.text.slice(start, start + quote.length) !== quote) return null;
    return { start, quote };
  }

  function newResult() {
    const chosen = state.selection;
    if (!chosen) return;
    if (!Array.isArray(state.record.trials)) state.record.trials = [];
    if (!state.record.trials.length) {
      state.record.trials.push(fresh(state.meta.schema.properties.trials.items, true));
      state.record.is_trial_report = true;
    }
    const t = state.selected ? state.selected[0] : 0;
    const trial = state.record.trials[t];
    if (!Array.isArray(trial.results)) trial.results = [];
    const percent = chosen.quote.match(/(-?\d+(?:[.·]\d+)?)\s*%/);
    const number = percent || chosen.quote.match(/-?\d+(?:[.·]\d+)?/);
    const result = fresh({ $ref: "#/$defs/Result" }, false);
    Object.assign(result, {
      endpoint: "OTHER", measure: percent ? "proportion" : "count", unit: percent ? "percent" : "patients",
      value: number ? Number((percent ? number[1] : number[0]).replace("·", ".")) : null,
      evidence: chosen.quote, evidence_start: chosen.start,
    });
    trial.results.push(result);
    state.selected = [t, trial.results.length - 1];
    window.getSelection().removeAllRanges();
    changed(true);
    const added = $("record").querySelector(`fieldset.result[data-result="${state.selected.join(".")}"]`);
    if (added) { added.scrollIntoView({ block: "nearest" }); added.querySelector("select").focus(); }
  }

  // ------------------------------------------------------------------ save and compare

  async function save(overwrite) {
    clearTimeout(state.checkTimer);
    status("saving…");
    const doc = state.doc;
    const response = await api("api/save", { doc_id: doc.doc_id, record: state.record, overwrite: !!overwrite });
    if (response.status === 409) {
      if (window.confirm(`${doc.gold_path} exists. Overwrite it?`)) return save(true);
      status("not saved: the gold file was kept", true);
      return;
    }
    if (response.status === 422) {
      state.problems = response.data.problems;
      renderProblems();
      status("not saved: fix the problems listed", true);
      return;
    }
    if (!response.ok) { status(`not saved: ${response.data.error}`, true); return; }
    status(`saved ${response.data.saved}`);
    const row = state.docs.find((d) => d.doc_id === doc.doc_id);
    if (row) row.gold = true;
    renderList();
  }

  function renderCompare() {
    const body = $("compare").querySelector("tbody");
    body.textContent = "";
    const withOther = !!state.meta.compare;
    for (const row of state.doc.compare || []) {
      const cell = (value, cls) => el("td", { class: value === null ? `${cls} none` : cls }, value === null ? "—" : value);
      const goldCell = cell(row.gold, "gold");
      if (row.gold !== null && row.run !== null && row.gold !== row.run) goldCell.classList.add("gold-differs");
      body.append(el("tr", { class: withOther && row.differs ? "differs" : "" },
        el("td", {}, row.field), cell(row.run, "run"), cell(row.other, "other"), goldCell));
    }
  }

  function showTab(name) {
    $("record-pane").hidden = name !== "record";
    $("compare-pane").hidden = name !== "compare";
    $("tab-record").setAttribute("aria-selected", String(name === "record"));
    $("tab-compare").setAttribute("aria-selected", String(name === "compare"));
  }

  // ------------------------------------------------------------------ start

  async function start() {
    const meta = await api("api/meta");
    if (!meta.ok) { status(meta.data.error, true); return; }
    state.meta = meta.data;
    $("run").textContent = `${state.meta.run}${state.meta.compare ? " vs " + state.meta.compare : ""} · gold: ${state.meta.gold_dir}`;
    if (state.meta.warnings.length) {
      $("warnings").hidden = false;
      for (const w of state.meta.warnings) $("warnings").append(el("li", {}, w));
    }
    $("f-differs-label").hidden = !state.meta.compare;
    $("legend").append(...Object.entries(KINDS).map(([kind, label]) => el("mark", { class: `kind-${kind}` }, label)));
    const docs = await api("api/documents");
    state.docs = docs.data;
    renderList();
    for (const id of ["search", "f-gold", "f-trials", "f-results", "f-warnings", "f-differs"]) {
      $(id).addEventListener("input", () => { state.cursor = 0; renderList(); });
    }
    document.addEventListener("keydown", onKey);
    document.addEventListener("selectionchange", () => {
      state.selection = selectionInText() || (document.activeElement === $("new-result") ? state.selection : null);
      $("new-result").disabled = !state.selection;
    });
    $("text").addEventListener("click", onTextClick);
    $("new-result").addEventListener("mousedown", (e) => e.preventDefault());  // keep the selection
    $("new-result").addEventListener("click", newResult);
    $("save").addEventListener("click", () => save(false));
    $("tab-record").addEventListener("click", () => showTab("record"));
    $("tab-compare").addEventListener("click", () => showTab("compare"));
    $("only-differences").addEventListener("change", (e) => $("compare").classList.toggle("only-differences", e.target.checked));
    const wanted = new URLSearchParams(location.hash.slice(1)).get("doc");
    if (wanted && state.docs.some((d) => d.doc_id === wanted)) openDocument(wanted);
    document.body.dataset.ready = "true";
  }

  start();
})();
