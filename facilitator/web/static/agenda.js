// The agenda for a foyer screen: the rows as the server draws them, fetched again when
// the day changes and every half minute (expected times move on a late day).
"use strict";

(function () {
  const box = document.getElementById("agenda-rows");
  let version = null;

  async function load() {
    try {
      const response = await fetch("/agenda/rows", {
        headers: { "X-Facilitator-Token": FAC.config.token },
        cache: "no-store",
      });
      if (!response.ok) return;
      // The server escaped every text in these rows; they are its own template's output.
      box.innerHTML = await response.text();
      const row = box.querySelector("tr.current");
      if (row) row.scrollIntoView({ block: "center" });
    } catch (error) {
      FAC.showConnection(FAC.text("web.offline"));
    }
  }

  FAC.live((update) => {
    const seen = update.version + "/" + update.stage.phase + "/" + update.stage.title;
    if (seen !== version) {
      version = seen;
      load();
    }
  });
  setInterval(load, 30000);
})();
