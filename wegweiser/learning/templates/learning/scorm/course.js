/* Quiz feedback and SCORM 1.2 runtime calls of an exported Wegweiser course. No network. */
(function () {
  "use strict";
  function findAPI(win) {
    var tries = 0;
    while (win && !win.API && win.parent && win.parent !== win && tries < 10) { win = win.parent; tries += 1; }
    return (win && win.API) || null;
  }
  var api = findAPI(window) || (window.opener ? findAPI(window.opener) : null);
  var finished = false;
  function call(name, a, b) {
    if (!api || typeof api[name] !== "function") return "";
    return b === undefined ? api[name](a) : api[name](a, b);
  }
  call("LMSInitialize", "");
  var status = call("LMSGetValue", "cmi.core.lesson_status");
  if (status !== "passed" && status !== "completed") {
    call("LMSSetValue", "cmi.core.lesson_status", "incomplete");
    call("LMSCommit", "");
  }
  var results = {};
  var quizzes = document.querySelectorAll("form.quiz");
  var pass = parseInt(document.body.getAttribute("data-pass"), 10) || 0;

  function report() {
    var correct = 0, total = 0, answered = 0;
    Array.prototype.forEach.call(quizzes, function (form) {
      var result = results[form.getAttribute("data-unit")];
      if (result) { correct += result.correct; total += result.total; answered += 1; }
    });
    if (answered < quizzes.length) return;
    var score = total ? Math.floor(correct * 100 / total) : 100;
    call("LMSSetValue", "cmi.core.score.min", "0");
    call("LMSSetValue", "cmi.core.score.max", "100");
    call("LMSSetValue", "cmi.core.score.raw", String(score));
    call("LMSSetValue", "cmi.core.lesson_status", score >= pass ? "passed" : "failed");
    call("LMSCommit", "");
    var text = document.querySelector(".summary-text");
    text.textContent = score >= pass
      ? text.getAttribute("data-done") + " " + score + " %"
      : text.getAttribute("data-failed") + " " + score + " %. " + text.getAttribute("data-needed");
  }

  Array.prototype.forEach.call(quizzes, function (form) {
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var questions = form.querySelectorAll(".question");
      var correct = 0, missing = false;
      Array.prototype.forEach.call(questions, function (question) {
        var chosen = question.querySelector("input:checked");
        Array.prototype.forEach.call(question.querySelectorAll(".feedback"), function (p) { p.hidden = true; });
        if (!chosen) { missing = true; return; }
        chosen.parentNode.querySelector(".feedback").hidden = false;
        if (chosen.getAttribute("data-correct") === "1") { correct += 1; }
        else { question.querySelector("input[data-correct]").parentNode.querySelector(".feedback").hidden = false; }
      });
      form.querySelector(".missing").hidden = !missing;
      if (missing) return;
      results[form.getAttribute("data-unit")] = { correct: correct, total: questions.length };
      form.querySelector(".result").textContent = correct + " / " + questions.length;
      report();
    });
  });
  if (!quizzes.length) {
    call("LMSSetValue", "cmi.core.lesson_status", "completed");
    call("LMSCommit", "");
  }
  function finish() {
    if (finished) return;
    finished = true;
    call("LMSFinish", "");
  }
  window.addEventListener("pagehide", finish);
  window.addEventListener("beforeunload", finish);
})();
