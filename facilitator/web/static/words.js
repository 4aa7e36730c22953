// Words for the cloud: one to three words per send.
"use strict";

(function () {
  const form = document.getElementById("words-form");
  const input = document.getElementById("words-input");
  const status = document.getElementById("words-status");
  const sentList = document.getElementById("words-sent");
  let sending = false;

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const words = input.value.trim().split(/\s+/).filter(Boolean);
    if (!words.length || sending) return;
    if (words.length > 3 || input.value.trim().length > FAC.config.maxWordChars) {
      status.textContent = FAC.text("web.too_long");
      status.className = "status error";
      return;
    }
    sending = true;
    status.textContent = FAC.text("web.saving");
    status.className = "status";
    const answer = await FAC.call("POST", "/api/words", { text: input.value });
    sending = false;
    if (answer.ok && answer.data && answer.data.saved) {
      status.textContent = FAC.text("web.sent");
      status.className = "status ok";
      sentList.prepend(FAC.element("li", "", answer.data.text));
      input.value = "";
      input.focus();
    } else {
      const reason = answer.data && answer.data.error ? answer.data.error : FAC.text("web.offline");
      status.textContent = answer.status === 0 ? FAC.text("web.offline") : reason;
      status.className = "status error";
    }
  });
})();
