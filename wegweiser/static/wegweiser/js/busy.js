/* Busy state for slow downloads (PDFs): a link, a form or a submit button marked with
   data-busy="Preparing …" (components/pdf_button.html makes such links)
   shows that text, is marked aria-busy and ignores further clicks until the download has
   started (the page stays, so the state ends after a while or when the page is shown again).
   A static file because the CSP allows no inline script. */
(function () {
  "use strict";
  var RESET_MS = 15000;

  function label(element) {
    return element.querySelector(".kern-label") || element;
  }

  function start(element) {
    if (element.getAttribute("aria-busy") === "true") return false;
    var target = label(element);
    element.dataset.busyOriginal = target.textContent;
    target.textContent = element.dataset.busy;
    element.setAttribute("aria-busy", "true");
    element.classList.add("is-busy");
    var status = document.getElementById("busy-status");
    if (status) status.textContent = element.dataset.busy;
    window.setTimeout(function () { stop(element); }, RESET_MS);
    return true;
  }

  function stop(element) {
    if (element.getAttribute("aria-busy") !== "true") return;
    label(element).textContent = element.dataset.busyOriginal;
    element.removeAttribute("aria-busy");
    element.classList.remove("is-busy");
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest("a[data-busy]");
    if (link && !start(link)) event.preventDefault();
  });
  /* A form: the submit button that was pressed, when it (or the whole form) is marked; a form
     with several buttons marks only the one that makes the PDF. */
  document.addEventListener("submit", function (event) {
    var form = event.target;
    var button = event.submitter || form.querySelector("button[type=submit], button:not([type])");
    if (!(button && button.dataset.busy) && !form.hasAttribute("data-busy")) return;
    button = button || form;
    if (!button.dataset.busy) button.dataset.busy = form.dataset.busy;
    if (!start(button)) event.preventDefault();
  });
  window.addEventListener("pageshow", function () {
    document.querySelectorAll("[aria-busy=true][data-busy]").forEach(stop);
  });
})();
