/* Work-time calendar: an offline app. Entries live only in this browser (IndexedDB); the same
   wage rules as the server (wages.js). No framework, no requests to other hosts. */
(function () {
  "use strict";
  var W = window.WorktimeWages;
  var T = JSON.parse(document.getElementById("i18n").textContent);
  var C = JSON.parse(document.getElementById("config").textContent);
  var LANG = C.language;
  var STORES = ["days", "payments", "deductions"];
  var rates = null;
  var db = null;
  var state = { days: [], payments: [], deductions: [] };
  var $ = function (id) { return document.getElementById(id); };

  /* ---------- storage ---------- */
  function openDb() {
    return new Promise(function (resolve, reject) {
      var request = indexedDB.open("wegweiser-worktime", 1);
      request.onupgradeneeded = function () {
        var d = request.result;
        STORES.forEach(function (name) { if (!d.objectStoreNames.contains(name)) d.createObjectStore(name, { keyPath: "id" }); });
        if (!d.objectStoreNames.contains("settings")) d.createObjectStore("settings", { keyPath: "key" });
      };
      request.onsuccess = function () { resolve(request.result); };
      request.onerror = function () { reject(request.error); };
    });
  }
  function tx(stores, mode, work) {
    return new Promise(function (resolve, reject) {
      var t = db.transaction(stores, mode);
      var result = work(t);
      t.oncomplete = function () { resolve(result); };
      t.onerror = function () { reject(t.error); };
      t.onabort = function () { reject(t.error); };
    });
  }
  function getAll(store) {
    return new Promise(function (resolve, reject) {
      var r = db.transaction(store).objectStore(store).getAll();
      r.onsuccess = function () { resolve(r.result); };
      r.onerror = function () { reject(r.error); };
    });
  }
  function put(store, obj) { return tx([store], "readwrite", function (t) { t.objectStore(store).put(obj); }); }
  function remove(store, id) { return tx([store], "readwrite", function (t) { t.objectStore(store).delete(id); }); }
  function getSetting(key) {
    return new Promise(function (resolve) {
      var r = db.transaction("settings").objectStore("settings").get(key);
      r.onsuccess = function () { resolve(r.result ? r.result.value : null); };
      r.onerror = function () { resolve(null); };
    });
  }
  function setSetting(key, value) { return put("settings", { key: key, value: value }); }
  function loadAll() {
    return Promise.all(STORES.map(getAll)).then(function (lists) {
      STORES.forEach(function (name, i) { state[name] = lists[i]; });
    });
  }
  /* Import: one transaction over all stores, so a failure leaves the old data untouched. */
  function replaceAll(data) {
    return tx(STORES, "readwrite", function (t) {
      STORES.forEach(function (name) {
        var s = t.objectStore(name);
        s.clear();
        data[name].forEach(function (row) { s.put(row); });
      });
    });
  }

  /* ---------- formatting ---------- */
  var moneyFmt = new Intl.NumberFormat(LANG, { style: "currency", currency: "EUR" });
  var intFmt = new Intl.NumberFormat(LANG, { maximumFractionDigits: 0 });
  var twoFmt = new Intl.NumberFormat(LANG, { minimumIntegerDigits: 2, useGrouping: false });
  var dateFmt = new Intl.DateTimeFormat(LANG, { weekday: "short", day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
  var monthFmt = new Intl.DateTimeFormat(LANG, { month: "long", year: "numeric", timeZone: "UTC" });
  function utc(iso) { var p = iso.split("-"); return new Date(Date.UTC(+p[0], +p[1] - 1, +(p[2] || 1))); }
  function money(cents) { return moneyFmt.format(cents / 100); }
  function hours(minutes) {
    var sign = minutes < 0 ? "−" : "";
    minutes = Math.abs(minutes);
    return sign + intFmt.format(Math.floor(minutes / 60)) + ":" + twoFmt.format(minutes % 60) + " " + T.unit_h;
  }
  function day(iso) { return dateFmt.format(utc(iso)); }
  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (m, k) { return k in values ? values[k] : m; });
  }
  function pad(n) { return (n < 10 ? "0" : "") + n; }
  function today() { var d = new Date(); return d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate()); }
  function newId() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    return Date.now().toString(36) + Math.random().toString(36).slice(2);
  }
  function parseCents(text) {
    var s = String(text || "").replace(/\s/g, "");
    var m = /^(\d{1,7})(?:[.,](\d{1,2}))?$/.exec(s);
    if (!m) return null;
    var frac = m[2] ? (m[2].length === 1 ? m[2] + "0" : m[2]) : "00";
    return parseInt(m[1], 10) * 100 + parseInt(frac, 10);
  }
  function centsInput(cents) { return (Math.floor(cents / 100)) + "." + pad(cents % 100); }
  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    if (attrs) Object.keys(attrs).forEach(function (k) {
      if (k === "text") node.textContent = attrs[k];
      else if (k === "cls") node.className = attrs[k];
      else node.setAttribute(k, attrs[k]);
    });
    (children || []).forEach(function (c) { if (c) node.appendChild(typeof c === "string" ? document.createTextNode(c) : c); });
    return node;
  }
  var statusTimer = null;
  function say(text) {
    var s = $("status");
    s.textContent = text;
    clearTimeout(statusTimer);
    statusTimer = setTimeout(function () { s.textContent = ""; }, 6000);
  }

  /* ---------- tabs ---------- */
  var TABS = ["days", "money", "report", "data"];
  function showTab() {
    var name = (location.hash || "#days").slice(1);
    if (TABS.indexOf(name) < 0) name = "days";
    TABS.forEach(function (t) { $(t).hidden = t !== name; });
    document.querySelectorAll("#tabs a").forEach(function (a) {
      if (a.getAttribute("data-tab") === name) a.setAttribute("aria-current", "page");
      else a.removeAttribute("aria-current");
    });
    if (name === "report") renderReport();
    document.documentElement.setAttribute("data-screen", name);
  }

  /* ---------- forms ---------- */
  function formValues(form) {
    var out = {};
    Array.prototype.forEach.call(form.elements, function (e) {
      if (!e.name) return;
      if (e.type === "radio") { if (e.checked) out[e.name] = e.value; }
      else out[e.name] = e.value.trim();
    });
    return out;
  }
  function setForm(form, values) {
    Object.keys(values).forEach(function (k) {
      var field = form.elements[k];
      if (!field) return;
      if (field instanceof RadioNodeList || (field.length && field[0] && field[0].type === "radio")) {
        Array.prototype.forEach.call(field, function (r) { r.checked = r.value === values[k]; });
      } else field.value = values[k] == null ? "" : values[k];
    });
  }
  function cleanText(row, keys) {
    keys.forEach(function (k) { row[k] = (row[k] || "").slice(0, k === "notes" || k === "note" ? 2000 : 300); });
    return row;
  }

  function resetDayForm(date) {
    var f = $("day-form");
    f.reset();
    f.elements.id.value = "";
    f.elements.date.value = date || today();
    f.elements.break_minutes.value = "0";
    $("day-form-h").textContent = T.add_day;
    $("day-cancel").hidden = true;
    $("day-error").textContent = "";
  }
  function saveDay(event) {
    event.preventDefault();
    var v = formValues($("day-form"));
    var err = $("day-error");
    if (!W.realDate(v.date) || !/^\d\d:\d\d$/.test(v.start) || !/^\d\d:\d\d$/.test(v.end)) { err.textContent = T.required; return; }
    var pause = parseInt(v.break_minutes || "0", 10);
    if (!(pause >= 0)) pause = 0;
    var span = W.shiftSpan(v.start, v.end);
    if (span === 0) { err.textContent = T.zero_shift; return; }
    if (pause >= span) { err.textContent = T.break_too_long; return; }
    var row = cleanText({ id: v.id || newId(), date: v.date, start: v.start, end: v.end, break_minutes: pause,
      place: v.place, employer: v.employer, task: v.task, notes: v.notes }, ["place", "employer", "task", "notes"]);
    put("days", row).then(loadAll).then(endRunning).then(function () {
      resetDayForm(W.nextDay(row.date));
      renderDays();
      say(T.saved);
    }, function () { err.textContent = T.storage_error; });
  }
  function latestDay() {
    return state.days.slice().sort(function (a, b) { return (a.date + a.start) < (b.date + b.start) ? 1 : -1; })[0];
  }
  function copyLast() {
    var last = latestDay();
    if (!last) { say(T.nothing_to_copy); return; }
    resetDayForm();
    setForm($("day-form"), { date: W.nextDay(last.date), start: last.start, end: last.end, break_minutes: String(last.break_minutes),
      place: last.place || "", employer: last.employer || "", task: last.task || "", notes: "" });
    say(T.copied);
  }
  /* One-tap start and stop (issue 15, like Record My Hours' clock-in). The running start is kept
     in the settings store, not as a day: an export never contains a half-recorded shift. */
  var running = null;
  function nowTime() { var d = new Date(); return pad(d.getHours()) + ":" + pad(d.getMinutes()); }
  function showClock() {
    $("start-now").hidden = !!running;
    $("stop-now").hidden = !running;
    $("clock-state").textContent = running ? fill(T.started, { time: running.start, date: day(running.date) }) : "";
    if (running) $("day-cancel").hidden = false;
  }
  function startNow() {
    running = { date: today(), start: nowTime() };
    setSetting("running", running).then(function () {
      resetDayForm(running.date);
      setForm($("day-form"), { start: running.start });
      showClock();
    }, function () { running = null; $("day-error").textContent = T.storage_error; });
  }
  function stopNow() {
    if (!running) return;
    var end = nowTime();
    setForm($("day-form"), { date: running.date, start: running.start, end: end });
    $("stop-now").hidden = true;
    $("clock-state").textContent = fill(T.stopped, { time: end });
    $("d-break").focus();
  }
  function endRunning() {
    if (!running) return Promise.resolve();
    running = null;
    return setSetting("running", null).then(showClock);
  }
  function resumeClock() {
    return getSetting("running").then(function (value) {
      running = value && W.realDate(value.date) && /^\d\d:\d\d$/.test(value.start) ? value : null;
      if (running) { resetDayForm(running.date); setForm($("day-form"), { start: running.start }); }
      showClock();
    });
  }
  function editDay(row) {
    resetDayForm();
    setForm($("day-form"), { id: row.id, date: row.date, start: row.start, end: row.end, break_minutes: String(row.break_minutes),
      place: row.place || "", employer: row.employer || "", task: row.task || "", notes: row.notes || "" });
    $("day-form-h").textContent = T.edit_day;
    $("day-cancel").hidden = false;
    $("d-date").focus();
  }
  function deleteRow(store, id, after) {
    if (!window.confirm(T.confirm_delete)) return;
    remove(store, id).then(loadAll).then(function () { after(); say(T.deleted); });
  }
  function actions(label, onEdit, onDelete) {
    var edit = el("button", { type: "button", cls: "btn btn--small", text: T.edit, "aria-label": T.edit + ": " + label });
    var del = el("button", { type: "button", cls: "btn btn--small", text: T["delete"], "aria-label": T["delete"] + ": " + label });
    edit.addEventListener("click", onEdit);
    del.addEventListener("click", onDelete);
    return el("div", { cls: "entry__actions" }, [edit, del]);
  }
  function minutesOf(row) {
    return W.dayParts(row).reduce(function (a, p) { return a + p[1]; }, 0);
  }
  function renderDays() {
    var list = $("day-list");
    list.textContent = "";
    var rows = state.days.slice().sort(function (a, b) { return (a.date + a.start) < (b.date + b.start) ? 1 : -1; });
    if (!rows.length) { list.appendChild(el("li", { text: T.no_entries })); return; }
    // A total for each week above its days (issue 15), from the same week rule as the report.
    var perWeek = {};
    rows.forEach(function (row) { var w = W.isoWeek(row.date); perWeek[w] = (perWeek[w] || 0) + minutesOf(row); });
    var shownWeek = null;
    rows.forEach(function (row) {
      var week = W.isoWeek(row.date);
      if (week !== shownWeek) {
        shownWeek = week;
        list.appendChild(el("li", { cls: "entry__week" }, [
          el("span", { text: T.week + " " + week.split("-W")[1] + " (" + week.split("-W")[0] + ")" }),
          el("strong", { text: hours(perWeek[week]) }),
          perWeek[week] > 48 * 60 ? el("span", { cls: "flag flag--bad", text: T.long_week }) : null
        ]));
      }
      var mins = minutesOf(row);
      var label = day(row.date);
      var head = el("div", { cls: "entry__head" }, [el("span", { text: label }), el("span", { text: hours(mins) })]);
      var time = row.start + "–" + row.end + (row.break_minutes ? " · " + row.break_minutes + " " + T.unit_min : "");
      var meta = [el("p", { cls: "entry__meta" }, [time, row.end < row.start ? " " : "", row.end < row.start ? el("span", { cls: "flag", text: T.overnight }) : null,
        mins > 600 ? " " : "", mins > 600 ? el("span", { cls: "flag flag--bad", text: T.long_day }) : null])];
      var where = [row.employer, row.place, row.task].filter(Boolean).join(" · ");
      if (where) meta.push(el("p", { cls: "entry__meta", text: where }));
      if (row.notes) meta.push(el("p", { cls: "entry__meta", text: row.notes }));
      list.appendChild(el("li", null, [head].concat(meta, [actions(label, function () { editDay(row); }, function () {
        deleteRow("days", row.id, renderDays);
      })])));
    });
  }

  function moneyForm(formId, errorId, store, build, after) {
    var form = $(formId);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var v = formValues(form);
      var cents = parseCents(v.amount);
      if (!W.realDate(v.date) || cents === null) { $(errorId).textContent = T.bad_amount; return; }
      var row = build(v, cents);
      put(store, row).then(loadAll).then(function () {
        var date = form.elements.date.value;
        form.reset();
        form.elements.id.value = "";
        form.elements.date.value = date;
        $(errorId).textContent = "";
        after();
        say(T.saved);
      }, function () { $(errorId).textContent = T.storage_error; });
    });
  }
  function renderMoney() {
    var pay = $("pay-list");
    pay.textContent = "";
    var payments = state.payments.slice().sort(function (a, b) { return a.date < b.date ? 1 : -1; });
    if (!payments.length) pay.appendChild(el("li", { text: T.no_entries }));
    var methods = {};
    document.querySelectorAll("#pay-form input[name=method]").forEach(function (r) { methods[r.value] = r.parentNode.textContent.trim(); });
    payments.forEach(function (row) {
      var label = day(row.date);
      pay.appendChild(el("li", null, [
        el("div", { cls: "entry__head" }, [el("span", { text: label }), el("span", { text: money(row.amount_cents) })]),
        el("p", { cls: "entry__meta", text: [methods[row.method], row.payer, row.note].filter(Boolean).join(" · ") }),
        actions(label, function () {
          setForm($("pay-form"), { id: row.id, date: row.date, amount: centsInput(row.amount_cents), method: row.method, payer: row.payer || "", note: row.note || "" });
          $("p-date").focus();
        }, function () { deleteRow("payments", row.id, renderMoney); })
      ]));
    });
    var ded = $("ded-list");
    ded.textContent = "";
    var kinds = {};
    Array.prototype.forEach.call($("x-kind").options, function (o) { kinds[o.value] = o.textContent; });
    var deductions = state.deductions.slice().sort(function (a, b) { return a.date < b.date ? 1 : -1; });
    if (!deductions.length) ded.appendChild(el("li", { text: T.no_entries }));
    deductions.forEach(function (row) {
      var label = day(row.date);
      ded.appendChild(el("li", null, [
        el("div", { cls: "entry__head" }, [el("span", { text: label }), el("span", { text: money(row.amount_cents) })]),
        el("p", { cls: "entry__meta", text: [kinds[row.kind], row.note].filter(Boolean).join(" · ") }),
        actions(label, function () {
          setForm($("ded-form"), { id: row.id, date: row.date, amount: centsInput(row.amount_cents), kind: row.kind, note: row.note || "" });
          $("x-date").focus();
        }, function () { deleteRow("deductions", row.id, renderMoney); })
      ]));
    });
  }

  /* ---------- report ---------- */
  var period = { from: null, to: null };
  function exportData() {
    return { format: W.FORMAT, version: W.VERSION, language: LANG, days: state.days, payments: state.payments, deductions: state.deductions };
  }
  function cell(text, cls) { return el("td", cls ? { cls: cls, text: text } : { text: text }); }
  function renderReport() {
    if (!rates) return;
    var r = W.computeReport(exportData(), rates, period.from, period.to);
    var t = r.totals;
    $("r-period").textContent = r.period.from ? day(r.period.from) + " – " + day(r.period.to) : T.no_entries;
    $("r-hours").textContent = hours(t.minutes);
    $("r-due").textContent = money(t.due_cents);
    $("r-paid").textContent = money(t.paid_cents);
    $("r-deducted").textContent = money(t.deducted_cents);
    $("r-difference").textContent = money(t.difference_cents);
    $("r-verdict").textContent = t.difference_cents > 0 ? fill(T.owed, { amount: money(t.difference_cents) }) : T.not_owed;
    $("r-limits").hidden = !(t.days_over_10h || t.weeks_over_48h);
    $("r-nomw").hidden = !t.minutes_without_minimum_wage;
    $("r-nomw").textContent = fill(T.no_minimum_wage, { hours: hours(t.minutes_without_minimum_wage) });
    $("r-assumed").hidden = !t.minutes_at_assumed_rate;
    $("r-assumed").textContent = fill(T.assumed_rate, { hours: hours(t.minutes_at_assumed_rate) });
    var weeks = $("r-weeks");
    weeks.textContent = "";
    r.weeks.forEach(function (w) {
      var note = el("td");
      if (w.over_48h) note.appendChild(el("span", { cls: "flag flag--bad", text: T.long_week }));
      weeks.appendChild(el("tr", null, [cell(w.week), cell(hours(w.minutes), "num"), note]));
    });
    var months = $("r-months");
    months.textContent = "";
    r.months.forEach(function (m) {
      months.appendChild(el("tr", null, [cell(monthFmt.format(utc(m.month))), cell(hours(m.minutes), "num"), cell(money(m.due_cents), "num"),
        cell(money(m.paid_cents), "num"), cell(money(m.deducted_cents), "num"), cell(money(m.difference_cents), "num")]));
    });
    var long = {}, rest = {}, noBreak = {};
    r.long_days.forEach(function (d) { long[d.date] = true; });
    r.short_rests.forEach(function (d) { rest[d.date] = true; });
    r.missing_breaks.forEach(function (d) { noBreak[d] = true; });
    function flag(target, text) { target.appendChild(document.createTextNode(" ")); target.appendChild(el("span", { cls: "flag flag--bad", text: text })); }
    var days = $("r-days");
    days.textContent = "";
    r.days.forEach(function (d) {
      var hoursCell = cell(hours(d.minutes), "num");
      if (long[d.date]) flag(hoursCell, T.long_day);
      if (rest[d.date]) flag(hoursCell, T.rest_short);
      if (noBreak[d.date]) flag(hoursCell, T.break_missing);
      days.appendChild(el("tr", null, [cell(day(d.date)), cell(d.start + "–" + d.end + (d.overnight ? " (+1)" : "")), cell(d.break_minutes + " " + T.unit_min, "num"),
        hoursCell, cell(money(d.due_cents), "num")]));
    });
  }
  function setPeriod(from, to) {
    period.from = from; period.to = to;
    $("r-from").value = from || "";
    $("r-to").value = to || "";
    renderReport();
  }
  function monthOffset(offset) {
    var d = new Date();
    var m = new Date(Date.UTC(d.getFullYear(), d.getMonth() + offset, 1));
    var b = W.monthBounds(m.getUTCFullYear() + "-" + pad(m.getUTCMonth() + 1));
    setPeriod(b[0], b[1]);
  }

  /* ---------- counselling services ---------- */
  function renderServices(entry) {
    var list = $("services");
    list.textContent = "";
    var note = $("services-note");
    if (!entry) { note.textContent = T.services_none_yet; return; }
    var services = entry.services.filter(function (s) { return s.speaks_language; });
    if (!services.length) services = entry.services;
    note.textContent = navigator.onLine ? "" : T.services_offline;
    if (!services.length) {
      // Never a public body: the nationwide non-state services sent with the list.
      list.appendChild(el("li", { text: T.no_services + " " + T.fallback_intro }));
      (entry.fallbacks || []).forEach(function (f) {
        list.appendChild(el("li", null, [
          el("div", { cls: "entry__head" }, [el("span", { text: f.name })]),
          el("p", { cls: "entry__meta", text: f.description }),
          el("p", { cls: "entry__meta" }, [el("a", { href: f.url, text: f.url, dir: "ltr" })])
        ]));
      });
      return;
    }
    services.forEach(function (s) {
      var items = [el("div", { cls: "entry__head" }, [el("span", { text: s.name }), s.speaks_language ? el("span", { cls: "flag", text: T.speaks_language }) : null])];
      if (s.phone) items.push(el("p", { cls: "entry__meta" }, [T.phone + ": ", el("a", { href: "tel:" + s.phone.replace(/[^+\d]/g, ""), text: s.phone, dir: "ltr" })]));
      if (s.email) items.push(el("p", { cls: "entry__meta" }, [T.email + ": ", el("a", { href: "mailto:" + s.email, text: s.email, dir: "ltr" })]));
      if (s.opening_hours.length) items.push(el("p", { cls: "entry__meta", text: T.opening_hours + ": " + s.opening_hours.join("; ") }));
      if (s.languages.length) items.push(el("p", { cls: "entry__meta", text: s.languages.join(", ").toUpperCase() }));
      list.appendChild(el("li", null, items));
    });
  }
  function loadServices(slug) {
    if (!slug) { renderServices(null); return Promise.resolve(); }
    var key = "services:" + slug + ":" + LANG;
    return getSetting(key).then(function (cached) {
      renderServices(cached);
      if (!navigator.onLine) return;
      return fetch(C.counselling + "?municipality=" + encodeURIComponent(slug) + "&lang=" + encodeURIComponent(LANG), { credentials: "omit" })
        .then(function (response) { if (!response.ok) throw new Error(response.status); return response.json(); })
        .then(function (data) { return setSetting(key, data).then(function () { renderServices(data); }); })
        .catch(function () { /* offline or server unreachable: the saved list stays */ });
    });
  }

  /* ---------- export, import, delete ---------- */
  function exportFile() {
    return getSetting("place").then(function (place) {
      var data = exportData();
      data.exported_at = new Date().toISOString();
      if (place) data.municipality = place;
      return new File([JSON.stringify(data, null, 1)], "worktime-" + today() + ".json", { type: "application/json" });
    });
  }
  function download(file) {
    var a = el("a", { href: URL.createObjectURL(file), download: file.name, hidden: "" });
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
  }
  /* A confirmation next to the button (not only in the status line at the top of the page). */
  function confirmExport(text) {
    $("export-result").textContent = text;
    say(text);
  }
  function exportedText(file) {
    return fill(T.exported, { file: file.name, days: state.days.length, payments: state.payments.length, deductions: state.deductions.length });
  }
  function doExport() {
    exportFile().then(function (file) { download(file); confirmExport(exportedText(file)); });
  }
  /* The system share sheet with the file where the phone offers it (Web Share API level 2);
     elsewhere the file is saved and the worker is told how to send it. */
  function doShare() {
    exportFile().then(function (file) {
      var data = { files: [file], title: T.share_title };
      if (navigator.canShare && navigator.share && navigator.canShare(data)) {
        return navigator.share(data).then(function () { confirmExport(T.shared); }, function (error) {
          if (!error || error.name !== "AbortError") { download(file); confirmExport(T.share_fallback); }
        });
      }
      download(file);
      confirmExport(exportedText(file) + " " + T.share_fallback);
    });
  }
  function doImport(event) {
    var input = event.target;
    var file = input.files && input.files[0];
    if (!file) return;
    var reader = new FileReader();
    reader.onload = function () {
      var data;
      input.value = "";
      try {
        try { data = JSON.parse(String(reader.result).replace(/^\uFEFF/, "")); } catch (e) { throw new W.Problem("not_json"); }
        W.validate(data);
      } catch (problem) {
        var reason = T["problem_" + (problem.code || "schema")] || T.problem_schema;
        say(fill(T.import_failed, { reason: reason + (problem.where ? " (" + problem.where + ")" : "") }));
        return;
      }
      var hasData = STORES.some(function (n) { return state[n].length; });
      if (hasData && !window.confirm(T.replace_warning)) return;
      var clean = { days: data.days, payments: data.payments, deductions: data.deductions };
      replaceAll(clean).then(loadAll).then(function () {
        if (data.municipality) setSetting("place", data.municipality);
        renderAll();
        say(fill(T.imported, { days: data.days.length, payments: data.payments.length, deductions: data.deductions.length }));
      }, function () { say(T.storage_error); });
    };
    reader.readAsText(file);
  }
  function deleteAll() {
    if (!window.confirm(T.confirm_delete_all)) return;
    tx(STORES.concat(["settings"]), "readwrite", function (t) {
      STORES.concat(["settings"]).forEach(function (n) { t.objectStore(n).clear(); });
    }).then(loadAll).then(function () {
      $("place").value = "";
      running = null;
      resetDayForm();
      showClock();
      $("export-result").textContent = "";
      renderAll();
      renderServices(null);
      say(T.all_deleted);
    });
  }

  function renderAll() { renderDays(); renderMoney(); renderReport(); }

  /* ---------- start ---------- */
  function start() {
    $("app").hidden = false;
    $("tabs").hidden = false;
    resetDayForm();
    ["p-date", "x-date"].forEach(function (id) { $(id).value = today(); });
    $("day-form").addEventListener("submit", saveDay);
    $("copy-last").addEventListener("click", copyLast);
    $("day-cancel").addEventListener("click", function () { endRunning().then(function () { resetDayForm(); }); });
    $("start-now").addEventListener("click", startNow);
    $("stop-now").addEventListener("click", stopNow);
    $("share").addEventListener("click", doShare);
    moneyForm("pay-form", "pay-error", "payments", function (v, cents) {
      return cleanText({ id: v.id || newId(), date: v.date, amount_cents: cents, method: v.method === "transfer" ? "transfer" : "cash", payer: v.payer, note: v.note }, ["payer", "note"]);
    }, renderMoney);
    moneyForm("ded-form", "ded-error", "deductions", function (v, cents) {
      var kind = W.KINDS.indexOf(v.kind) >= 0 ? v.kind : "other";
      return cleanText({ id: v.id || newId(), date: v.date, amount_cents: cents, kind: kind, note: v.note }, ["note"]);
    }, renderMoney);
    $("period-form").addEventListener("submit", function (e) {
      e.preventDefault();
      setPeriod($("r-from").value || null, $("r-to").value || null);
    });
    $("r-this-month").addEventListener("click", function () { monthOffset(0); });
    $("r-last-month").addEventListener("click", function () { monthOffset(-1); });
    $("r-all").addEventListener("click", function () { setPeriod(null, null); });
    $("print").addEventListener("click", function () { window.print(); });
    $("export").addEventListener("click", doExport);
    $("import-file").addEventListener("change", doImport);
    $("delete-all").addEventListener("click", deleteAll);
    $("place").addEventListener("change", function () {
      var slug = $("place").value;
      setSetting("place", slug).then(function () { return loadServices(slug); });
    });
    window.addEventListener("hashchange", showTab);

    var ratesLoaded = fetch(C.rates).then(function (r) { return r.json(); }).then(function (data) { rates = data.rates; });
    openDb().then(function (d) {
      db = d;
      return Promise.all([loadAll(), ratesLoaded]);
    }).then(resumeClock).then(function () {
      var fromUrl = new URLSearchParams(location.search).get("m");
      return (fromUrl ? setSetting("place", fromUrl).then(function () { return fromUrl; }) : getSetting("place"));
    }).then(function (place) {
      if (place) $("place").value = place;
      renderAll();
      showTab();
      document.documentElement.setAttribute("data-ready", "1");
      return loadServices(place);
    }).catch(function () { say(T.storage_error); });

    if ("serviceWorker" in navigator) {
      var first = !navigator.serviceWorker.controller;
      navigator.serviceWorker.register(C.sw, { scope: C.scope }).then(function () {
        return navigator.serviceWorker.ready;
      }).then(function () {
        document.documentElement.setAttribute("data-offline-ready", "1");
        if (first) say(T.offline_ready);
      }).catch(function () { /* without a worker the app still works online */ });
    }
  }
  start();
})();
