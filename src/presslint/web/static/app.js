// presslint workbench. Plain JS, no framework. Article text and everything derived from it is put on the page with
// textContent / createTextNode only, never innerHTML: the article is untrusted input.
"use strict";

(function () {
  const $ = (id) => document.getElementById(id);
  const SEVERITIES = ["error", "warning", "info"];
  const KNOWN_CATEGORIES = ["sources", "numbers", "dates", "language", "headline", "contradictions", "translation",
    "hygiene", "knowledge"];
  // How "who is quoted" names a source's kind (summary.who_is_quoted[].kind).
  const KIND_LABELS = { person: "person", organisation: "organisation", role: "role, no name", anonymous: "anonymous",
    other: "other" };
  const QID = /\bQ[1-9][0-9]*\b/g;
  const MAX_UPLOAD = 5000000;

  const state = { report: null, tab: "text", active: null, segments: [], fileBody: null, story: null,
    storiesLoaded: false };

  // -- small helpers ------------------------------------------------------------------------------------------------
  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function categoryClass(category) {
    const name = String(category || "").toLowerCase();
    return "cat-" + (KNOWN_CATEGORIES.includes(name) ? name : "other");
  }

  function severityClass(severity) {
    return "sev-" + (SEVERITIES.includes(severity) ? severity : "info");
  }

  function setStatus(message, isError) {
    const status = $("status");
    status.textContent = message || "";
    status.classList.toggle("error", Boolean(isError));
  }

  function token() {
    return sessionStorage.getItem("presslint-token") || "";
  }

  async function api(path, options) {
    const opts = Object.assign({ headers: {} }, options || {});
    if (opts.json !== undefined) {
      opts.method = opts.method || "POST";
      opts.headers["Content-Type"] = "application/json";
      opts.body = JSON.stringify(opts.json);
      delete opts.json;
    }
    if (token()) opts.headers["Authorization"] = "Bearer " + token();
    const response = await fetch(path, opts);
    if (response.status === 401) $("token-row").hidden = false;
    const type = response.headers.get("Content-Type") || "";
    const body = type.includes("json") ? await response.json() : await response.text();
    if (!response.ok) {
      const err = (body && body.error) || { code: "HTTP " + response.status, message: String(body).slice(0, 200) };
      const retry = response.headers.get("Retry-After");
      throw new Error(err.message + (retry ? " (retry after " + retry + " s)" : ""));
    }
    return body;
  }

  function download(content, filename, type) {
    const url = URL.createObjectURL(new Blob([content], { type: type }));
    const link = el("a");
    link.href = url;
    link.download = filename;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  // -- input ---------------------------------------------------------------------------------------------------------
  function selectTab(name) {
    state.tab = name;
    for (const tab of ["text", "file", "url"]) {
      $("tab-" + tab).setAttribute("aria-selected", String(tab === name));
      $("pane-" + tab).hidden = tab !== name;
    }
  }

  function codes(value) {
    return value.split(",").map((c) => c.trim()).filter(Boolean);
  }

  function requestBody() {
    let body;
    if (state.tab === "text") {
      body = { text: $("text").value };
    } else if (state.tab === "file") {
      if (!state.fileBody) throw new Error("Choose a file first.");
      body = Object.assign({}, state.fileBody);
    } else {
      body = { url: $("url").value.trim(), allow_private: $("allow-private").checked };
    }
    if ($("date").value) body.date = $("date").value;
    if (codes($("select").value).length) body.select = codes($("select").value);
    if (codes($("ignore").value).length) body.ignore = codes($("ignore").value);
    return body;
  }

  async function readFile(file) {
    state.fileBody = null;
    $("file-info").textContent = "";
    if (!file) return;
    if (file.size > MAX_UPLOAD) {
      setStatus("The file is over " + MAX_UPLOAD + " bytes.", true);
      return;
    }
    const content = await file.text();
    const isHtml = /\.html?$/i.test(file.name) || /^\s*<(!doctype|html)/i.test(content);
    state.fileBody = isHtml ? { html: content, filename: file.name } : { text: content, filename: file.name };
    $("file-info").textContent = file.name + " (" + (isHtml ? "HTML" : "text") + ", " + file.size + " bytes)";
  }

  async function runCheck() {
    let body;
    try {
      body = requestBody();
    } catch (err) {
      setStatus(err.message, true);
      return;
    }
    const button = $("check-btn");
    button.disabled = true;
    const started = performance.now();
    setStatus("Checking…");
    try {
      const report = await api("/api/v1/check", { json: body });
      showReport(report);
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      setStatus("Checked in " + seconds + " s: " + report.findings.length + " finding" +
        (report.findings.length === 1 ? "" : "s") + ".");
      loadHistory();
    } catch (err) {
      setStatus(err.message, true);
    } finally {
      button.disabled = false;
    }
  }

  // -- the article with highlights ----------------------------------------------------------------------------------
  function rank(severity) {
    return SEVERITIES.length - SEVERITIES.indexOf(severity);
  }

  function visible(finding) {
    const category = $("filter-category").value;
    // What the text report shows (finding.shown), unless "also hidden ones" is ticked (the CLI's --all).
    const allowed = finding.shown !== false || $("filter-all").checked;
    return allowed && $("filter-" + finding.severity).checked && (!category || finding.category === category);
  }

  function renderArticle(report) {
    const text = report.article.text;
    const findings = report.findings;
    const cuts = new Set([0, text.length]);
    const headlineEnd = report.article.title_span ? report.article.title_span[1] : 0;
    if (headlineEnd) cuts.add(headlineEnd);
    const clamp = (n) => Math.max(0, Math.min(text.length, n));
    findings.forEach((f) => {
      cuts.add(clamp(f.span.start)); cuts.add(clamp(f.span.end));
      (f.related || []).forEach((r) => { cuts.add(clamp(r.start)); cuts.add(clamp(r.end)); });
    });
    const points = Array.from(cuts).sort((a, b) => a - b);
    const article = $("article");
    article.replaceChildren();
    const headline = el("h2", "headline");
    const body = el("div", "body");
    if (headlineEnd) article.appendChild(headline);
    article.appendChild(body);
    state.segments = [];
    for (let i = 0; i + 1 < points.length; i++) {
      const a = points[i], b = points[i + 1];
      if (a === b) continue;
      const piece = text.slice(a, b);
      const covering = [], related = [];
      findings.forEach((f, index) => {
        if (f.span.start <= a && b <= f.span.end) covering.push(index);
        if ((f.related || []).some((r) => r.start <= a && b <= r.end)) related.push(index);
      });
      const target = headlineEnd && a < headlineEnd ? headline : body;
      if (!covering.length && !related.length) {
        // The blank line after the headline is the heading's own margin.
        const shown = headlineEnd && a === headlineEnd ? piece.replace(/^\n+/, "") : piece;
        target.appendChild(document.createTextNode(shown));
        continue;
      }
      const span = el("span", "hl", piece);
      const segment = { node: span, covering: covering, related: related };
      state.segments.push(segment);
      target.appendChild(span);
    }
    paintSegments();
  }

  function paintSegments() {
    const findings = state.report.findings;
    for (const segment of state.segments) {
      const shown = segment.covering.filter((i) => visible(findings[i]));
      const node = segment.node;
      node.className = "hl";
      node.removeAttribute("title");
      if (shown.length) {
        shown.sort((x, y) => rank(findings[x].severity) - rank(findings[y].severity));
        const top = findings[shown[0]];
        node.classList.add("mark", categoryClass(top.category), severityClass(top.severity));
        node.title = shown.map((i) => findings[i].code + " (" + findings[i].severity + "): " + findings[i].message)
          .join("\n");
      }
      if (state.active !== null && segment.covering.includes(state.active)) node.classList.add("active");
      if (state.active !== null && segment.related.includes(state.active)) node.classList.add("related");
    }
  }

  // -- findings panel ------------------------------------------------------------------------------------------------
  function renderFindings() {
    const report = state.report;
    const list = $("findings");
    list.replaceChildren();
    let shown = 0;
    report.findings.forEach((f, index) => {
      if (!visible(f)) return;
      shown++;
      const item = el("li", "finding " + severityClass(f.severity) + " " + categoryClass(f.category));
      item.tabIndex = 0;
      item.setAttribute("role", "button");
      item.dataset.index = String(index);
      item.setAttribute("aria-pressed", String(state.active === index));
      const head = el("div", "finding-head");
      head.appendChild(el("span", "badge " + severityClass(f.severity), f.severity));
      head.appendChild(el("span", "code", f.code));
      head.appendChild(el("span", "category " + categoryClass(f.category), f.category));
      head.appendChild(el("span", "where", f.span.line ? f.span.line + ":" + f.span.column : ""));
      item.appendChild(head);
      item.appendChild(el("div", "message", f.message));
      item.appendChild(el("div", "excerpt", "“" + f.span.text.slice(0, 140) + (f.span.text.length > 140 ? "…" : "") + "”"));
      if (state.active === index) item.classList.add("active");
      list.appendChild(item);
    });
    $("finding-count").textContent = shown === report.findings.length ? "(" + shown + ")" :
      "(" + shown + " of " + report.findings.length + ")";
    if (!report.findings.length) list.appendChild(el("li", "empty", "No findings."));
    else if (!shown) list.appendChild(el("li", "empty", "No finding matches the filters."));
  }

  function activate(index) {
    state.active = index;
    paintSegments();
    for (const item of $("findings").querySelectorAll("li.finding")) {
      const on = Number(item.dataset.index) === index;
      item.classList.toggle("active", on);
      item.setAttribute("aria-pressed", String(on));
    }
    const first = state.segments.find((s) => s.covering.includes(index));
    if (first) first.node.scrollIntoView({ block: "center", behavior: "smooth" });
    renderDetail(state.report.findings[index]);
  }

  function qidsIn(value, found) {
    if (typeof value === "string") {
      for (const match of value.matchAll(QID)) found.add(match[0]);
    } else if (Array.isArray(value)) {
      value.forEach((v) => qidsIn(v, found));
    } else if (value && typeof value === "object") {
      Object.values(value).forEach((v) => qidsIn(v, found));
    }
    return found;
  }

  function wikidataLinks(qids) {
    const wrap = el("span", "qids");
    for (const qid of qids) {
      if (!/^Q[1-9][0-9]*$/.test(qid)) continue;
      const link = el("a", "qid", qid);
      link.href = "https://www.wikidata.org/wiki/" + qid;
      link.target = "_blank";
      link.rel = "noopener noreferrer";
      wrap.appendChild(link);
      wrap.appendChild(document.createTextNode(" "));
    }
    return wrap;
  }

  function renderDetail(f) {
    const detail = $("finding-detail");
    detail.replaceChildren();
    detail.hidden = false;
    const title = el("h3", "", f.code + " " + (f.name || ""));
    detail.appendChild(title);
    detail.appendChild(el("p", "", f.message));
    const facts = el("dl", "evidence");
    const add = (key, value) => {
      facts.appendChild(el("dt", "", key));
      facts.appendChild(el("dd", "", typeof value === "string" ? value : JSON.stringify(value)));
    };
    add("span", "“" + f.span.text + "” at " + (f.span.line || "?") + ":" + (f.span.column || "?"));
    add("confidence", String(f.confidence));
    (f.related || []).forEach((r) => add("related", "“" + r.text + "” at " + (r.line || "?") + ":" + (r.column || "?")));
    Object.entries(f.evidence || {}).forEach(([key, value]) => add(key, value));
    detail.appendChild(facts);
    const qids = qidsIn(f.evidence || {}, new Set());
    if (qids.size) {
      const line = el("p", "", "Wikidata: ");
      line.appendChild(wikidataLinks(qids));
      detail.appendChild(line);
    }
  }

  function fillCategories(report) {
    const select = $("filter-category");
    const current = select.value;
    select.replaceChildren(el("option", "", "all"));
    select.firstChild.value = "";
    const categories = Array.from(new Set(report.findings.map((f) => f.category))).sort();
    for (const category of categories) {
      const option = el("option", "", category);
      option.value = category;
      select.appendChild(option);
    }
    select.value = categories.includes(current) ? current : "";
    const legend = $("legend");
    legend.replaceChildren();
    for (const category of categories) legend.appendChild(el("span", "key mark " + categoryClass(category), category));
    for (const severity of SEVERITIES) legend.appendChild(el("span", "key mark " + severityClass(severity), severity));
  }

  // -- tables --------------------------------------------------------------------------------------------------------
  function row(cells) {
    const tr = el("tr");
    for (const cell of cells) {
      const td = el("td");
      if (cell instanceof Node) td.appendChild(cell); else td.textContent = cell === null || cell === undefined ? "" : String(cell);
      tr.appendChild(td);
    }
    return tr;
  }

  function fillTable(id, rows, emptyText, columns) {
    const body = $(id).querySelector("tbody");
    body.replaceChildren();
    rows.forEach((r) => body.appendChild(row(r)));
    if (!rows.length) {
      const tr = el("tr");
      const td = el("td", "muted", emptyText);
      td.colSpan = columns;
      tr.appendChild(td);
      body.appendChild(tr);
    }
  }

  function renderTables(report) {
    const summary = report.summary;
    const quotes = report.quotes || [];
    const rows = summary ? summary.who_is_quoted : [];
    fillTable("sources", rows.map((s) => {
      const said = el("ul", "said");
      (s.quotes || []).forEach((i) => { if (quotes[i]) said.appendChild(el("li", "", quotes[i].content.text)); });
      if (!said.childNodes.length) said.appendChild(el("li", "muted", "(no quote attributed)"));
      const who = el("span", "", s.name + (s.count ? " (" + s.count + ")" : ""));
      const cell = el("div");
      cell.appendChild(who);
      if (s.description) cell.appendChild(el("span", "muted description", " — " + s.description));
      const kind = el("span", "kind kind-" + String(s.kind).replace(/[^a-z]/g, ""), KIND_LABELS[s.kind] || s.kind);
      return [cell, kind, said];
    }), summary ? "Nobody is quoted by name, role or as an anonymous source." : "No summary in this report.", 3);
    $("sources-count").textContent = summary ? "(" + summary.sources + ", " + summary.anonymous_sources +
      " anonymous)" : "";
    const others = $("other-attributions");
    const otherRows = summary ? summary.other_attributions : [];
    others.hidden = !otherRows.length;
    others.textContent = otherRows.length ? "Also attributed to (not a person or organisation): " +
      otherRows.map((r) => r.name).join(", ") : "";
    fillTable("numbers", (report.quantities || []).map((q) => [
      q.span.text, (q.approximate ? "≈ " : "") + q.value + (q.unit ? " " + q.unit : ""), q.counts || "", q.span.line,
    ]), "No numbers found.", 4);
    fillTable("dates", (report.dates || []).map((d) => [
      d.span.text, d.value || "unresolved", d.note || (d.relative ? "relative" : d.granularity || ""), d.span.line,
    ]), "No dates found.", 4);

    const knowledge = $("knowledge");
    knowledge.replaceChildren();
    const items = report.findings.filter((f) => f.code.startsWith("KB") || qidsIn(f.evidence || {}, new Set()).size);
    if (!items.length) {
      knowledge.appendChild(el("p", "muted", "No knowledge-check findings in this report."));
    } else {
      const list = el("ul", "knowledge-list");
      for (const f of items) {
        const li = el("li");
        li.appendChild(el("span", "code", f.code));
        li.appendChild(document.createTextNode(" “" + f.span.text + "”: " + f.message + " "));
        li.appendChild(wikidataLinks(qidsIn(f.evidence || {}, new Set())));
        list.appendChild(li);
      }
      knowledge.appendChild(list);
    }
  }

  // -- summary, notes and claims: formatted from report.summary, computed by the server when the report was finished
  function renderNotes(report) {
    const notes = report.summary ? report.summary.notes : (report.notices || []);
    const line = $("notes");
    line.hidden = !notes.length;
    line.textContent = notes.length ? "Notes: " + notes.map((n) => n.code + " " +
      String(n.message).replace(n.code + ": ", "")).join(" · ") : "";
  }

  function percent(share) {
    return share === null || share === undefined ? "" : " (" + Math.round(100 * share) + "%)";
  }

  function renderSummary(report) {
    const s = report.summary;
    const section = $("summary");
    section.hidden = !s;
    if (!s) return;
    const facts = $("summary-facts");
    facts.replaceChildren();
    const severities = [[s.errors, "error"], [s.warnings, "warning"], [s.infos, "info"]]
      .filter(([n]) => n).map(([n, name]) => n + " " + name).join(", ");
    const items = [
      ["Findings", s.findings ? s.findings + ": " + severities : "none"],
      ["Check-worthy claims", s.claims ? s.claims + ", " + s.claims_attributed + " attributed to a source" +
        (s.claims_unsourced ? ", " + s.claims_unsourced + " unsourced" : "") : "none found"],
      ["Sources", s.sources ? s.sources + " quoted, " + s.anonymous_sources + " anonymous" +
        percent(s.anonymous_share) : "nobody is quoted"],
      ["Loaded language", Number(s.loaded_language_per_1000_words).toFixed(1) + " per 1,000 words (" +
        s.loaded_language + " LNG finding" + (s.loaded_language === 1 ? "" : "s") + " in " + s.words + " words)"],
    ];
    for (const [key, value] of items) {
      const item = el("div", "fact");
      item.appendChild(el("dt", "", key));
      item.appendChild(el("dd", "", value));
      facts.appendChild(item);
    }
    const list = $("most-serious");
    list.replaceChildren();
    for (const index of s.most_serious) {
      const f = report.findings[index];
      if (!f) continue;
      const li = el("li", "serious-item " + severityClass(f.severity));
      const button = el("button", "link");
      button.type = "button";
      button.dataset.index = String(index);
      button.appendChild(el("span", "badge " + severityClass(f.severity), f.severity));
      button.appendChild(el("span", "code", " " + f.code + " "));
      button.appendChild(el("span", "where", f.span.line ? f.span.line + ":" + f.span.column + " " : ""));
      button.appendChild(el("span", "message", f.message));
      button.addEventListener("click", () => showFinding(index));
      li.appendChild(button);
      list.appendChild(li);
    }
    if (!s.most_serious.length) list.appendChild(el("li", "muted", "No findings."));
  }

  // A finding chosen outside the list (the summary): make sure the filters show it, then select it.
  function showFinding(index) {
    const f = state.report.findings[index];
    $("filter-" + f.severity).checked = true;
    if (f.shown === false) $("filter-all").checked = true;
    if ($("filter-category").value && $("filter-category").value !== f.category) $("filter-category").value = "";
    refilter();
    activate(index);
    const item = $("findings").querySelector('li.finding[data-index="' + index + '"]');
    if (item) item.focus();
  }

  function renderClaimsList(report) {
    const s = report.summary;
    const claims = report.claims || [];
    const lines = s ? s.claim_list : [];
    fillTable("claims-list", lines.map((line) => {
      const claim = claims[line.claim];
      let source;
      if (line.by) {
        source = el("span", "by");
        source.appendChild(document.createTextNode(line.by + " "));
        source.appendChild(el("span", "kind kind-" + String(line.by_kind).replace(/[^a-z]/g, ""),
          KIND_LABELS[line.by_kind] || line.by_kind));
      } else {
        source = el("span", line.sourced ? "" : "unsourced", line.sourced ? "attributed" : "unsourced");
      }
      return [Number(line.checkworthiness).toFixed(2), claim ? claim.span.text : "", source,
        claim && claim.span.line ? claim.span.line : ""];
    }), s ? "No check-worthy claim found." : "No summary in this report.", 4);
    $("claims-list").querySelectorAll("tbody tr").forEach((tr) => {
      if (tr.children.length === 4) tr.children[0].className = "num";
    });
    $("claims-count").textContent = s ? "(" + s.claims + ", " + s.claims_attributed + " attributed)" : "";
  }

  function renderMeta(report) {
    const meta = $("meta");
    meta.replaceChildren();
    const a = report.article, p = report.provenance;
    const parts = [
      ["Report", "#" + report.id],
      ["Origin", a.url || a.origin || "pasted text"],
      ["Outlet", a.outlet],
      ["Byline", a.byline],
      // An unknown date is said once, in the notes.
      ["Published", p.publication_date === "unknown" ? "" : p.publication_date + " (" + p.publication_date_source + ")"],
      ["presslint", p.presslint_version],
    ];
    for (const [key, value] of parts) {
      if (!value) continue;
      const item = el("span", "meta-item");
      item.appendChild(el("b", "", key + ": "));
      item.appendChild(document.createTextNode(String(value)));
      meta.appendChild(item);
    }
  }

  function showReport(report) {
    state.report = report;
    state.active = null;
    $("result").hidden = false;
    $("finding-detail").hidden = true;
    fillCategories(report);
    renderMeta(report);
    renderNotes(report);
    renderSummary(report);
    renderArticle(report);
    renderFindings();
    renderClaimsList(report);
    renderTables(report);
    if (report.id !== null && report.id !== undefined) history.replaceState(null, "", "#report=" + report.id);
  }

  function refilter() {
    if (!state.report) return;
    if (state.active !== null && !visible(state.report.findings[state.active])) {
      state.active = null;
      $("finding-detail").hidden = true;
    }
    renderFindings();
    paintSegments();
  }

  // -- history and exports -------------------------------------------------------------------------------------------
  async function loadHistory() {
    const list = $("history");
    try {
      const rows = await api("/api/v1/history?limit=20");
      list.replaceChildren();
      for (const r of rows) {
        const li = el("li");
        const button = el("button", "link", "#" + r.id + " " + (r.title || r.origin || "untitled"));
        button.type = "button";
        button.addEventListener("click", () => openReport(r.id));
        li.appendChild(button);
        li.appendChild(el("span", "counts", " " + r.errors + " errors, " + r.warnings + " warnings, " + r.infos +
          " info · " + r.created_at.replace("T", " ").slice(0, 16)));
        list.appendChild(li);
      }
      if (!rows.length) list.appendChild(el("li", "muted", "Nothing checked yet."));
    } catch (err) {
      list.replaceChildren(el("li", "muted", err.message));
    }
  }

  async function openReport(id) {
    selectView("check");
    try {
      showReport(await api("/api/v1/reports/" + encodeURIComponent(id)));
      setStatus("Report #" + id + " loaded from the store.");
    } catch (err) {
      setStatus(err.message, true);
    }
  }

  async function exportAs(kind) {
    if (!state.report) return;
    const id = state.report.id;
    try {
      if (kind === "json") {
        download(JSON.stringify(await api("/api/v1/reports/" + id), null, 2), "presslint-report-" + id + ".json",
          "application/json");
      } else if (kind === "html") {
        download(await api("/api/v1/reports/" + id + "/html"), "presslint-report-" + id + ".html", "text/html");
      } else {
        download(JSON.stringify(await api("/api/v1/reports/" + id + "/claimreview"), null, 2),
          "presslint-claimreview-" + id + ".jsonld", "application/ld+json");
      }
    } catch (err) {
      setStatus(err.message, true);
    }
  }

  // -- views: check an article / stories -----------------------------------------------------------------------------
  const VIEWS = ["check", "stories"];

  function selectView(name, focus) {
    for (const view of VIEWS) {
      const tab = $("view-tab-" + view);
      tab.setAttribute("aria-selected", String(view === name));
      tab.tabIndex = view === name ? 0 : -1;
      $("view-" + view).hidden = view !== name;
    }
    if (focus) $("view-tab-" + name).focus();
    if (name === "stories" && !state.storiesLoaded) loadStories();
  }

  // -- stories list --------------------------------------------------------------------------------------------------
  function dateRange(first, last) {
    return first === last ? first : first + " – " + last;
  }

  async function loadStories() {
    state.storiesLoaded = true;
    const status = $("stories-status");
    const body = $("stories-table").querySelector("tbody");
    const query = new URLSearchParams({ limit: $("stories-limit").value });
    if ($("stories-since").value) query.set("since", $("stories-since").value);
    status.textContent = "Loading…";
    status.classList.remove("error");
    try {
      const rows = await api("/api/v1/stories?" + query.toString());
      body.replaceChildren();
      for (const s of rows) {
        const open = el("button", "link", s.headline || "(no headline)");
        open.type = "button";
        open.dataset.story = String(s.id);
        open.addEventListener("click", () => openStory(s.id));
        const contradicted = el("span", s.contradicted ? "count st-contradicted" : "count", s.contradicted);
        body.appendChild(row([dateRange(s.first_date, s.last_date), open, s.articles, s.independent_outlets,
          s.corroborated, contradicted]));
      }
      body.querySelectorAll("tr").forEach((tr) => { for (const i of [2, 3, 4, 5]) tr.children[i].className = "num"; });
      if (!rows.length) {
        const tr = el("tr");
        const td = el("td", "muted", "No stories yet: ingest articles from several outlets with `presslint ingest`.");
        td.colSpan = 6;
        tr.appendChild(td);
        body.appendChild(tr);
      }
      status.textContent = rows.length + " stor" + (rows.length === 1 ? "y" : "ies");
    } catch (err) {
      status.textContent = err.message;
      status.classList.add("error");
    }
  }

  // -- one story, claim by claim -------------------------------------------------------------------------------------
  const STATUS_LABELS = { contradicted: "contradicted", corroborated: "corroborated", "single-source": "single source" };

  function statusClass(status) {
    return "st-" + (status === "contradicted" || status === "corroborated" ? status : "single");
  }

  // Columns are independent outlets: a syndication group and every article of one outlet count once, so wire copies
  // collapse into the column of their original.
  function storyColumns(story) {
    const members = story.outlets.flatMap((o) => o.articles);
    const parent = new Map();
    const find = (k) => { while (parent.get(k) !== k) { parent.set(k, parent.get(parent.get(k))); k = parent.get(k); } return k; };
    const add = (k) => { if (!parent.has(k)) parent.set(k, k); };
    const union = (a, b) => { add(a); add(b); const ra = find(a), rb = find(b); if (ra !== rb) parent.set(rb, ra); };
    for (const m of members) union("g" + m.syndication_group_id, "o" + m.outlet);
    const columns = new Map();
    const byArticle = new Map();
    for (const m of members) {
      const root = find("g" + m.syndication_group_id);
      if (!columns.has(root)) columns.set(root, { key: root, members: [], outlets: [] });
      const column = columns.get(root);
      column.members.push(m);
      if (!column.outlets.includes(m.outlet)) column.outlets.push(m.outlet);
      byArticle.set(m.article_id, column);
    }
    for (const column of columns.values()) {
      const original = column.members.find((m) => m.canonical) || column.members[0];
      column.label = original.outlet;
      column.outlets.sort((a, b) => (a === column.label ? -1 : b === column.label ? 1 : a.localeCompare(b)));
    }
    return { list: Array.from(columns.values()), byArticle: byArticle };
  }

  function shownStatus(status) {
    if (status === "contradicted") return $("show-contradicted").checked;
    if (status === "corroborated") return $("show-corroborated").checked;
    return $("show-single").checked;
  }

  function renderStory(story) {
    state.story = story;
    $("story-title").textContent = story.headline || "(no headline)";
    const meta = $("story-meta");
    meta.replaceChildren();
    const parts = [
      ["Story", "#" + story.id], ["Dates", dateRange(story.first_date, story.last_date)], ["Articles", story.articles],
      ["Independent outlets", story.independent_outlets], ["Corroborated", story.corroborated],
      ["Contradicted", story.contradicted], ["Single-source", story.single_source],
    ];
    for (const [key, value] of parts) {
      if (value === undefined || value === null) continue;
      const item = el("span", "meta-item");
      item.appendChild(el("b", "", key + ": "));
      item.appendChild(document.createTextNode(String(value)));
      meta.appendChild(item);
    }
    const copies = $("story-copies");
    copies.replaceChildren();
    for (const g of story.syndication || []) copies.appendChild(el("li", "", g.note + ": " + g.outlets.join(", ")));
    renderProfiles(story.profiles || []);
    renderClaims();
  }

  function copiesNote(column) {
    if (column.members.length < 2) return null;
    const others = column.outlets.filter((o) => o !== column.label);
    return column.members.length + " copies" + (others.length ? " (also " + others.join(", ") + ")" : "");
  }

  function renderClaims() {
    const story = state.story;
    const columns = storyColumns(story);
    const grid = $("claims-grid");
    const head = el("tr");
    head.appendChild(el("th", "claim-col", "Claim"));
    for (const column of columns.list) {
      const th = el("th", "outlet-col");
      th.scope = "col";
      th.appendChild(el("span", "outlet-name", column.label));
      const note = copiesNote(column);
      if (note) th.appendChild(el("span", "copies-note", note));
      head.appendChild(th);
    }
    grid.tHead.replaceChildren(head);
    const body = grid.tBodies[0];
    body.replaceChildren();
    let shown = 0;
    for (const claim of story.claims || []) {
      if (!shownStatus(claim.status)) continue;
      shown++;
      body.appendChild(claimRow(claim, columns));
    }
    if (!shown) {
      const tr = el("tr");
      const td = el("td", "muted", (story.claims || []).length ? "No claim matches the filters." : "No claims aligned.");
      td.colSpan = columns.list.length + 1;
      tr.appendChild(td);
      body.appendChild(tr);
    }
    const total = (story.claims || []).length;
    $("story-count").textContent = shown === total ? total + " claims" : shown + " of " + total + " claims";
  }

  function claimRow(claim, columns) {
    const tr = el("tr", "claim " + statusClass(claim.status));
    tr.dataset.status = claim.status;
    const th = el("th", "claim-col");
    th.scope = "row";
    const head = el("div", "claim-head");
    head.appendChild(el("span", "status " + statusClass(claim.status), STATUS_LABELS[claim.status] || claim.status));
    head.appendChild(el("span", "muted", claim.independent_outlets + " independent outlet" +
      (claim.independent_outlets === 1 ? "" : "s")));
    th.appendChild(head);
    if ((claim.about || []).length) th.appendChild(el("div", "about", "about: " + claim.about.join(", ")));
    const sides = claim.sides || [];
    if (sides.length) {
      const list = el("ul", "sides");
      sides.forEach((side, i) => {
        const li = el("li", "sided side-" + Math.min(i, 2));
        li.appendChild(el("b", "", side.position));
        li.appendChild(document.createTextNode(": " + side.outlets.join(", ") + " (" + side.independent +
          " independent)"));
        list.appendChild(li);
      });
      th.appendChild(list);
    }
    for (const conflict of claim.conflicts || []) th.appendChild(el("div", "reason", conflict.reason));
    tr.appendChild(th);
    const sideOf = new Map(sides.map((side, i) => [side.position, Math.min(i, 2)]));
    const cells = new Map();
    for (const member of claim.members || []) {
      const column = columns.byArticle.get(member.article_id);
      if (!column) continue;
      if (!cells.has(column.key)) cells.set(column.key, []);
      cells.get(column.key).push(member);
    }
    for (const column of columns.list) {
      const here = cells.get(column.key) || [];
      const td = el("td", "cell");
      if (!here.length) {
        td.classList.add("absent");
        td.appendChild(el("span", "sr-only", "not reported"));
        td.appendChild(el("span", "dash", "–"));
      } else {
        const first = here[0];
        if (first.position && sideOf.has(first.position)) {
          td.classList.add("sided", "side-" + sideOf.get(first.position));
          td.appendChild(el("span", "position", first.position));
        }
        td.appendChild(el("q", "claim-text", first.text));
        const outlets = Array.from(new Set(here.map((m) => m.outlet)));
        if (here.length > 1) {
          td.appendChild(el("span", "copies-note", here.length + " copies: " + outlets.join(", ")));
        } else if (first.outlet !== column.label) {
          td.appendChild(el("span", "copies-note", "in " + first.outlet));
        }
      }
      tr.appendChild(td);
    }
    return tr;
  }

  function renderProfiles(profiles) {
    const number = (v, digits) => (v === null || v === undefined ? "–" : Number(v).toFixed(digits));
    fillTable("profiles", profiles.map((p) => [
      p.outlet, p.articles, p.words, p.sources,
      p.anonymous_source_rate === null || p.anonymous_source_rate === undefined ? "–" :
        p.anonymous_sources + " (" + Math.round(100 * p.anonymous_source_rate) + "%)",
      number(p.loaded_language_per_1000_words, 1), number(p.findings_per_1000_words, 1),
    ]), "No outlet profiles.", 7);
    $("profiles").querySelectorAll("tbody tr").forEach((tr) => {
      if (tr.children.length === 7) for (let i = 1; i < 7; i++) tr.children[i].className = "num";
    });
  }

  async function openStory(id) {
    selectView("stories");
    const status = $("stories-status");
    try {
      const story = await api("/api/v1/stories/" + encodeURIComponent(id));
      $("stories-list").hidden = true;
      $("story").hidden = false;
      renderStory(story);
      history.replaceState(null, "", "#story=" + story.id);
      $("story-title").focus();
    } catch (err) {
      status.textContent = err.message;
      status.classList.add("error");
    }
  }

  function closeStory() {
    $("story").hidden = true;
    $("stories-list").hidden = false;
    history.replaceState(null, "", "#stories");
    const back = state.story && $("stories-table").querySelector('button[data-story="' + Number(state.story.id) + '"]');
    if (back) back.focus();
  }

  // -- wiring --------------------------------------------------------------------------------------------------------
  function findingFromEvent(event) {
    const item = event.target.closest("li.finding");
    return item ? Number(item.dataset.index) : null;
  }

  document.addEventListener("DOMContentLoaded", () => {
    for (const tab of ["text", "file", "url"]) $("tab-" + tab).addEventListener("click", () => selectTab(tab));
    $("file").addEventListener("change", (e) => readFile(e.target.files[0]).catch((err) => setStatus(err.message, true)));
    $("check-btn").addEventListener("click", runCheck);
    $("text").addEventListener("keydown", (e) => { if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) runCheck(); });
    $("token").addEventListener("change", (e) => sessionStorage.setItem("presslint-token", e.target.value));
    $("filter-category").addEventListener("change", refilter);
    for (const s of SEVERITIES) $("filter-" + s).addEventListener("change", refilter);
    $("filter-all").addEventListener("change", refilter);
    const list = $("findings");
    list.addEventListener("click", (e) => { const i = findingFromEvent(e); if (i !== null) activate(i); });
    list.addEventListener("keydown", (e) => {
      const i = findingFromEvent(e);
      if (i === null) return;
      if (e.key === "Enter" || e.key === " ") { e.preventDefault(); activate(i); }
      if (e.key === "ArrowDown" || e.key === "ArrowUp") {
        e.preventDefault();
        const item = e.target.closest("li.finding");
        const next = e.key === "ArrowDown" ? item.nextElementSibling : item.previousElementSibling;
        if (next && next.classList.contains("finding")) next.focus();
      }
    });
    $("export-json").addEventListener("click", () => exportAs("json"));
    $("export-html").addEventListener("click", () => exportAs("html"));
    $("export-claimreview").addEventListener("click", () => exportAs("claimreview"));
    $("history-refresh").addEventListener("click", loadHistory);
    for (const view of VIEWS) {
      const tab = $("view-tab-" + view);
      tab.addEventListener("click", () => {
        selectView(view);
        if (view === "stories" && !$("story").hidden) return;
        history.replaceState(null, "", view === "stories" ? "#stories" : location.pathname);
      });
      tab.addEventListener("keydown", (e) => {  // arrow keys move between the tabs (WAI-ARIA tabs pattern)
        if (e.key !== "ArrowLeft" && e.key !== "ArrowRight") return;
        e.preventDefault();
        const next = VIEWS[(VIEWS.indexOf(view) + (e.key === "ArrowRight" ? 1 : VIEWS.length - 1)) % VIEWS.length];
        selectView(next, true);
      });
    }
    $("stories-refresh").addEventListener("click", loadStories);
    $("stories-since").addEventListener("change", loadStories);
    $("stories-limit").addEventListener("change", loadStories);
    $("story-back").addEventListener("click", closeStory);
    for (const s of ["contradicted", "corroborated", "single"]) {
      $("show-" + s).addEventListener("change", () => { if (state.story) renderClaims(); });
    }
    document.addEventListener("keydown", (e) => {
      if (e.key === "Escape" && !$("view-stories").hidden && !$("story").hidden) closeStory();
    });
    loadHistory();
    route();
    window.addEventListener("hashchange", route);
  });

  // #report=N, #story=N and #stories are links to a view (the page rewrites its hash as the user moves around).
  function route() {
    const report = /^#report=([0-9]+)$/.exec(location.hash);
    const story = /^#story=([0-9]+)$/.exec(location.hash);
    if (report && !(state.report && String(state.report.id) === report[1])) openReport(report[1]);
    else if (story) openStory(story[1]);
    else if (location.hash === "#stories") {
      selectView("stories");
      if (!$("story").hidden) closeStory();
    }
  }
})();
