// vask console: progress for the lead-file wash. Everything works without it (the form posts
// normally and the result page refreshes itself); with it, the upload runs in the background
// and the page shows bytes sent and rows washed, read from the job's status endpoint.
(function () {
  "use strict";
  function poll(url, onStatus) {
    var stopped = false;
    function tick() {
      if (stopped) return;
      fetch(url, { credentials: "same-origin" }).then(function (r) { return r.ok ? r.json() : null; })
        .then(function (s) { if (s && onStatus(s) === false) stopped = true; })
        .catch(function () {})
        .then(function () { if (!stopped) setTimeout(tick, 500); });
    }
    tick();
    return function () { stopped = true; };
  }

  var form = document.getElementById("wash-form");
  if (form && window.XMLHttpRequest && window.FormData) {
    form.addEventListener("submit", function (ev) {
      ev.preventDefault();
      var box = document.getElementById("progress");
      var bar = document.getElementById("progress-bar");
      var text = document.getElementById("progress-text");
      var button = form.querySelector("button[type=submit]");
      var rowsWord = form.getAttribute("data-rows") || "rows";
      box.hidden = false;
      button.disabled = true;
      var job = form.getAttribute("data-job");
      var sent = 0;
      var stop = poll("/console/wash/" + job + "/status", function (s) {
        text.textContent = Math.round(sent) + " % · " + s.rows + " " + rowsWord;
        return s.state === "running" || s.state === "waiting";
      });
      var xhr = new XMLHttpRequest();
      xhr.open("POST", form.action);
      xhr.upload.onprogress = function (e) {
        if (e.lengthComputable) { sent = 100 * e.loaded / e.total; bar.value = sent; }
      };
      xhr.onload = function () {
        stop();
        if (xhr.responseURL && xhr.responseURL.indexOf("/console/wash/") >= 0) {
          window.location.assign(xhr.responseURL);
        } else {
          document.open(); document.write(xhr.responseText); document.close();
        }
      };
      xhr.onerror = function () { stop(); button.disabled = false; text.textContent = form.getAttribute("data-failed") || "upload failed"; };
      xhr.send(new FormData(form));
    });
  }

  var job = document.getElementById("job");
  if (job) {
    var text = document.getElementById("progress-text");
    poll(job.getAttribute("data-status"), function (s) {
      if (s.state !== "running") { window.location.assign(job.getAttribute("data-done")); return false; }
      text.textContent = text.textContent.replace(/^\d+/, String(s.rows));
    });
  }
})();
