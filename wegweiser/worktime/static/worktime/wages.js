/* Wage rules of the work-time calendar: the same rules as wegweiser/worktime/wages.py.
   Plain script: in the browser it defines globalThis.WorktimeWages, in Node module.exports.
   Integer minutes and euro cents only; see wages.py for the documented decisions. */
(function (root) {
  "use strict";
  var FORMAT = "wegweiser-worktime";
  var VERSION = 1;
  var DAY_LIMIT = 600;
  var WEEK_LIMIT = 2880;
  var REST_LIMIT = 660;
  var KINDS = ["rent", "transport", "food", "tools", "fees", "fines", "other"];
  var DATE_RE = /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/;
  var TIME_RE = /^([01][0-9]|2[0-3]):[0-5][0-9]$/;

  function Problem(code, where, detail) {
    this.code = code;
    this.where = where || "";
    this.detail = detail || "";
    this.message = code + " at " + (this.where || "/");
  }

  function pad(n, width) {
    var s = String(n);
    while (s.length < width) s = "0" + s;
    return s;
  }
  function toDate(s) {
    var p = s.split("-");
    return new Date(Date.UTC(+p[0], +p[1] - 1, +p[2]));
  }
  function fromDate(d) {
    return pad(d.getUTCFullYear(), 4) + "-" + pad(d.getUTCMonth() + 1, 2) + "-" + pad(d.getUTCDate(), 2);
  }
  function realDate(s) {
    return DATE_RE.test(s) && fromDate(toDate(s)) === s;
  }
  function nextDay(s) {
    var d = toDate(s);
    d.setUTCDate(d.getUTCDate() + 1);
    return fromDate(d);
  }
  function isoWeek(s) {
    var d = toDate(s);
    var weekday = d.getUTCDay() || 7;
    d.setUTCDate(d.getUTCDate() + 4 - weekday);
    var yearStart = new Date(Date.UTC(d.getUTCFullYear(), 0, 1));
    var week = Math.floor((d - yearStart) / 86400000 / 7) + 1;
    return d.getUTCFullYear() + "-W" + pad(week, 2);
  }
  function parseTime(s) {
    return parseInt(s.slice(0, 2), 10) * 60 + parseInt(s.slice(3, 5), 10);
  }
  function shiftSpan(start, end) {
    var b = parseTime(start), f = parseTime(end);
    if (f < b) f += 1440;
    return f - b;
  }
  function rateOn(rates, day) {
    var current = 0;
    for (var i = 0; i < rates.length; i++) if (rates[i].from <= day) current = rates[i].cents;
    return current;
  }
  function wageCents(minutes, rate) {
    var x = minutes * rate + 30;
    return (x - (x % 60)) / 60;
  }
  function dayParts(row) {
    var begin = parseTime(row.start);
    var span = shiftSpan(row.start, row.end);
    var first = Math.min(span, 1440 - begin);
    var second = span - first;
    var take = Math.min(row.break_minutes, first);
    first -= take;
    second -= row.break_minutes - take;
    var parts = [[row.date, first]];
    if (span > 1440 - begin) parts.push([nextDay(row.date), second]);
    return parts;
  }

  function isInt(v) {
    return typeof v === "number" && Math.floor(v) === v && isFinite(v);
  }
  function isStr(v, max) {
    return typeof v === "string" && v.length <= max;
  }
  var FIELDS = {
    days: {
      required: ["id", "date", "start", "end", "break_minutes"],
      optional: { place: 300, employer: 300, task: 300, notes: 2000 }
    },
    payments: { required: ["id", "date", "amount_cents", "method"], optional: { payer: 300, note: 2000 } },
    deductions: { required: ["id", "date", "amount_cents", "kind"], optional: { note: 2000 } }
  };
  var TOP = ["format", "version", "exported_at", "language", "municipality", "days", "payments", "deductions"];

  function checkRow(name, row, where) {
    if (row === null || typeof row !== "object" || Array.isArray(row)) throw new Problem("schema", where);
    var spec = FIELDS[name];
    var k;
    for (k in row) {
      if (spec.required.indexOf(k) < 0 && !(k in spec.optional)) throw new Problem("schema", where + "/" + k);
    }
    spec.required.forEach(function (key) {
      if (!(key in row)) throw new Problem("schema", where + "/" + key);
    });
    for (k in spec.optional) if (k in row && !isStr(row[k], spec.optional[k])) throw new Problem("schema", where + "/" + k);
    if (typeof row.id !== "string" || row.id.length < 1 || row.id.length > 64) throw new Problem("schema", where + "/id");
    if (typeof row.date !== "string" || !DATE_RE.test(row.date)) throw new Problem("schema", where + "/date");
    if (name === "days") {
      if (typeof row.start !== "string" || !TIME_RE.test(row.start)) throw new Problem("schema", where + "/start");
      if (typeof row.end !== "string" || !TIME_RE.test(row.end)) throw new Problem("schema", where + "/end");
      if (!isInt(row.break_minutes) || row.break_minutes < 0 || row.break_minutes > 1439)
        throw new Problem("schema", where + "/break_minutes");
    } else {
      if (!isInt(row.amount_cents) || row.amount_cents < 0 || row.amount_cents > 100000000)
        throw new Problem("schema", where + "/amount_cents");
      if (name === "payments" && row.method !== "cash" && row.method !== "transfer")
        throw new Problem("schema", where + "/method");
      if (name === "deductions" && KINDS.indexOf(row.kind) < 0) throw new Problem("schema", where + "/kind");
    }
  }

  function validate(data) {
    if (data === null || typeof data !== "object" || Array.isArray(data)) throw new Problem("not_an_object");
    if (data.format !== FORMAT) throw new Problem("wrong_format", "/format");
    if (data.version !== VERSION || typeof data.version !== "number") throw new Problem("wrong_version", "/version");
    var k;
    for (k in data) if (TOP.indexOf(k) < 0) throw new Problem("schema", "/" + k);
    ["exported_at", "language", "municipality"].forEach(function (key) {
      var max = { exported_at: 40, language: 10, municipality: 80 }[key];
      if (key in data && !isStr(data[key], max)) throw new Problem("schema", "/" + key);
    });
    ["days", "payments", "deductions"].forEach(function (name) {
      if (!Array.isArray(data[name]) || data[name].length > 5000) throw new Problem("schema", "/" + name);
      data[name].forEach(function (row, i) {
        checkRow(name, row, "/" + name + "/" + i);
      });
    });
    ["days", "payments", "deductions"].forEach(function (name) {
      var seen = {};
      data[name].forEach(function (row, i) {
        var where = "/" + name + "/" + i;
        var year = parseInt(row.date.slice(0, 4), 10);
        if (!realDate(row.date) || year < 2000 || year > 2100) throw new Problem("bad_date", where + "/date");
        if (Object.prototype.hasOwnProperty.call(seen, row.id)) throw new Problem("duplicate_id", where + "/id");
        seen[row.id] = true;
        if (name === "days") {
          var span = shiftSpan(row.start, row.end);
          if (span === 0) throw new Problem("zero_shift", where);
          if (row.break_minutes >= span) throw new Problem("break_too_long", where + "/break_minutes");
        }
      });
    });
    return data;
  }

  function byKey(keys) {
    return function (a, b) {
      for (var i = 0; i < keys.length; i++) {
        var x = a[keys[i]], y = b[keys[i]];
        if (x < y) return -1;
        if (x > y) return 1;
      }
      return 0;
    };
  }

  function rateIsSet(rates, day) {
    var last = rates.length ? parseInt(rates[rates.length - 1].from.slice(0, 4), 10) : 0;
    return parseInt(day.slice(0, 4), 10) <= last;
  }

  function breakMissing(row) {
    var worked = shiftSpan(row.start, row.end) - row.break_minutes;
    return (worked > 540 && row.break_minutes < 45) || (worked > 360 && row.break_minutes < 30);
  }

  function absoluteMinutes(day, time) {
    return Math.round(toDate(day).getTime() / 60000) + parseTime(time);
  }

  function shortRests(shifts) {
    var found = [], previousEnd = null;
    shifts.forEach(function (s) {
      var start = absoluteMinutes(s.date, s.start);
      if (previousEnd !== null && start - previousEnd >= 0 && start - previousEnd < REST_LIMIT) {
        found.push({ date: s.date, minutes: start - previousEnd });
      }
      var end = start + shiftSpan(s.start, s.end);
      previousEnd = previousEnd === null ? end : Math.max(previousEnd, end);
    });
    return found;
  }

  function computeReport(data, rates, dateFrom, dateTo) {
    var all = [];
    ["days", "payments", "deductions"].forEach(function (n) {
      data[n].forEach(function (r) { all.push(r.date); });
    });
    all.sort();
    if (dateFrom == null) dateFrom = all.length ? all[0] : "";
    if (dateTo == null) dateTo = all.length ? all[all.length - 1] : "";
    function inPeriod(r) { return dateFrom <= r.date && r.date <= dateTo; }
    var shifts = data.days.filter(inPeriod).sort(byKey(["date", "start", "id"]));
    var payments = data.payments.filter(inPeriod).sort(byKey(["date", "id"]));
    var deductions = data.deductions.filter(inPeriod).sort(byKey(["date", "id"]));

    var months = {};
    function month(key) {
      if (!months[key]) months[key] = { month: key, minutes: 0, due_cents: 0, paid_cents: 0, deducted_cents: 0, difference_cents: 0 };
      return months[key];
    }
    var rows = [], perDate = {}, perWeek = {}, without = 0, assumed = 0;
    shifts.forEach(function (s) {
      var minutes = 0, due = 0;
      dayParts(s).forEach(function (p) {
        var rate = rateOn(rates, p[0]);
        if (rate === 0 && p[1] > 0) without += p[1];
        if (!rateIsSet(rates, p[0])) assumed += p[1];
        minutes += p[1];
        due += wageCents(p[1], rate);
      });
      rows.push({
        id: s.id, date: s.date, start: s.start, end: s.end, break_minutes: s.break_minutes,
        overnight: parseTime(s.end) < parseTime(s.start), minutes: minutes,
        rate_cents: rateOn(rates, s.date), due_cents: due
      });
      perDate[s.date] = (perDate[s.date] || 0) + minutes;
      var w = isoWeek(s.date);
      perWeek[w] = (perWeek[w] || 0) + minutes;
      var b = month(s.date.slice(0, 7));
      b.minutes += minutes;
      b.due_cents += due;
    });
    payments.forEach(function (p) { month(p.date.slice(0, 7)).paid_cents += p.amount_cents; });
    var byKind = {};
    KINDS.forEach(function (k) { byKind[k] = 0; });
    deductions.forEach(function (d) {
      month(d.date.slice(0, 7)).deducted_cents += d.amount_cents;
      byKind[d.kind] += d.amount_cents;
    });
    Object.keys(months).forEach(function (k) { months[k].difference_cents = months[k].due_cents - months[k].paid_cents; });
    var longDays = Object.keys(perDate).sort().filter(function (d) { return perDate[d] > DAY_LIMIT; })
      .map(function (d) { return { date: d, minutes: perDate[d] }; });
    var weeks = Object.keys(perWeek).sort().map(function (w) {
      return { week: w, minutes: perWeek[w], over_48h: perWeek[w] > WEEK_LIMIT };
    });
    var rests = shortRests(shifts);
    var missingBreaks = rows.filter(breakMissing).map(function (r) { return r.date; });
    function sum(list, key) { return list.reduce(function (a, r) { return a + r[key]; }, 0); }
    var totals = {
      minutes: sum(rows, "minutes"),
      due_cents: sum(rows, "due_cents"),
      paid_cents: sum(payments, "amount_cents"),
      deducted_cents: sum(deductions, "amount_cents"),
      days_worked: Object.keys(perDate).length,
      days_over_10h: longDays.length,
      weeks_over_48h: weeks.filter(function (w) { return w.over_48h; }).length,
      minutes_without_minimum_wage: without,
      minutes_at_assumed_rate: assumed,
      rests_under_11h: rests.length,
      shifts_missing_break: missingBreaks.length
    };
    totals.difference_cents = totals.due_cents - totals.paid_cents;
    return {
      format: FORMAT, version: VERSION,
      period: { from: dateFrom, to: dateTo },
      days: rows,
      long_days: longDays,
      weeks: weeks,
      months: Object.keys(months).sort().map(function (k) { return months[k]; }),
      short_rests: rests,
      missing_breaks: missingBreaks,
      payments: payments.map(function (p) { return { date: p.date, amount_cents: p.amount_cents, method: p.method, payer: p.payer || "" }; }),
      deductions: deductions.map(function (d) { return { date: d.date, amount_cents: d.amount_cents, kind: d.kind, note: d.note || "" }; }),
      deductions_by_kind: byKind,
      totals: totals
    };
  }

  function monthBounds(value) {
    var y = parseInt(value.slice(0, 4), 10), m = parseInt(value.slice(5, 7), 10);
    var last = new Date(Date.UTC(y, m, 0)).getUTCDate();
    return [value + "-01", value + "-" + pad(last, 2)];
  }

  var api = {
    FORMAT: FORMAT, VERSION: VERSION, KINDS: KINDS, Problem: Problem,
    validate: validate, computeReport: computeReport, rateOn: rateOn, rateIsSet: rateIsSet, dayParts: dayParts,
    isoWeek: isoWeek, shiftSpan: shiftSpan, monthBounds: monthBounds, realDate: realDate, nextDay: nextDay
  };
  if (typeof module === "object" && module.exports) module.exports = api;
  else root.WorktimeWages = api;
})(typeof globalThis !== "undefined" ? globalThis : this);
