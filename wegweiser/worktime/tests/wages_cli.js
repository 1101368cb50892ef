/* Node entry for the parity test: reads {"file": …, "from": …, "to": …} cases as JSON on stdin,
   prints [{"report": …} | {"problem": code}] as JSON. Not loaded by the browser. */
"use strict";
var fs = require("fs");
var path = require("path");
var W = require("../static/worktime/wages.js");
var rates = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "static", "worktime", "minimum_wage.json"), "utf8")).rates;
var cases = JSON.parse(fs.readFileSync(0, "utf8"));
var out = cases.map(function (c) {
  try {
    W.validate(c.file);
  } catch (e) {
    if (e instanceof W.Problem) return { problem: e.code };
    throw e;
  }
  return { report: W.computeReport(c.file, rates, c.from == null ? null : c.from, c.to == null ? null : c.to) };
});
process.stdout.write(JSON.stringify(out));
