// The stage view: what `facilitator stage` shows, pushed by the server when it changes and
// ticked here between updates, so the countdown runs on even while the network hiccups.
"use strict";

(function () {
  const el = (id) => document.getElementById(id);
  const root = el("stage");
  let stage = null;
  let received = 0;

  function secondsNow() {
    if (!stage || stage.seconds === null || !stage.counting) return stage ? stage.seconds : null;
    const elapsed = (performance.now() - received) / 1000;
    const first = stage.change_in === null ? 1 : stage.change_in;
    if (elapsed < first) return stage.seconds;
    return stage.seconds - 1 - Math.floor((elapsed - first) * stage.speed);
  }

  function setText(id, value) {
    const node = el(id);
    node.textContent = value || "";
    node.hidden = !value;
  }

  function drawCloud(terms) {
    const cloud = el("stage-cloud");
    cloud.replaceChildren();
    if (!terms.length) {
      cloud.append(FAC.element("p", "cloud-empty", FAC.text("notes.cloud_empty")));
      return;
    }
    for (const [term, weight] of terms) {
      const word = FAC.element("span", "term", term);
      word.style.fontSize = (1 + weight * 1.8).toFixed(2) + "em";
      word.style.opacity = (0.55 + weight * 0.45).toFixed(2);
      cloud.append(word, document.createTextNode(" "));
    }
  }

  function draw(payload, at) {
    const previousMessage = stage ? stage.message : "";
    stage = payload.stage;
    received = at;
    setText("stage-title", stage.title);
    const inCloud = stage.cloud !== null;
    setText("stage-speakers", inCloud ? "" : stage.speakers);
    el("stage-cloud").hidden = !inCloud;
    root.classList.toggle("in-cloud", inCloud);
    if (inCloud) drawCloud(stage.cloud);
    // The join code takes the digits' place, as on the stage screen (the time moves to
    // the speakers' line there; here the digits shrink under it).
    const joining = stage.join !== null && !inCloud;
    el("stage-join").hidden = !joining;
    root.classList.toggle("in-join", joining);
    if (joining) {
      el("stage-join-code").src = stage.join;
      el("stage-join-url").textContent = stage.join_url;
      setText("stage-speakers", stage.speakers.replace(/ · [^·]*$/, "").replace(/^\+?[\d:]+$/, ""));
    }
    setText("stage-message", stage.message);
    if (stage.message && stage.message !== previousMessage) {
      const message = el("stage-message");
      message.classList.remove("flash");
      void message.offsetWidth; // restart the flash animation
      message.classList.add("flash");
    }
    setText("stage-next", stage.next);
    for (const phase of ["pending", "running", "warning", "overtime", "paused", "done"]) {
      root.classList.toggle("phase-" + phase, stage.phase === phase);
    }
    tick();
  }

  function tick() {
    if (!stage) return;
    const seconds = secondsNow();
    const digits = seconds === null ? stage.digits : FAC.countdown(seconds);
    setText("stage-digits", digits);
    // Overtime starts at zero; the server says so too, this keeps the colour in step.
    if (stage.counting && seconds !== null) {
      root.classList.toggle("phase-overtime", seconds < 0 || stage.phase === "overtime");
    }
  }

  FAC.live(draw);
  setInterval(tick, 200);
})();
