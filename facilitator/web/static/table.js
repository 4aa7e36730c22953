// A table's report: pick the table once, then one field per question of the dialogue.
// Every keystroke is kept on the phone (localStorage) until the server confirms the note
// is on disk; a send that fails is tried again until it succeeds.
"use strict";

(function () {
  const picker = document.getElementById("picker");
  const report = document.getElementById("report");
  const waiting = document.getElementById("waiting");
  const questionsBox = document.getElementById("questions");
  const cards = new Map(); // draft key -> {status, text, card}
  let shown = null; // {session, slot, table}
  let current = null; // the last report from the server
  let flushing = false;

  const table = () => FAC.stored("table", null);
  const drafts = () => FAC.stored("drafts", {});
  function putDraft(draft) {
    const all = drafts();
    all[draft.key] = draft;
    FAC.store("drafts", all);
  }
  function dropDraft(key, sentText) {
    const all = drafts();
    if (all[key] && (sentText === undefined || all[key].text === sentText)) {
      delete all[key];
      FAC.store("drafts", all);
      return true;
    }
    return false;
  }

  function setStatus(key, state, message) {
    const found = cards.get(key);
    if (!found) return;
    const labels = {
      saved: FAC.text("web.saved"),
      saving: FAC.text("web.saving"),
      unsent: FAC.text("web.unsent"),
      offline: FAC.text("web.offline"),
    };
    found.status.textContent = message || labels[state] || "";
    found.status.className = "status " + state;
    found.card.dataset.state = state;
  }

  function showPicker(count) {
    picker.hidden = false;
    report.hidden = true;
    const box = document.getElementById("tables");
    box.replaceChildren();
    for (let number = 1; number <= count; number += 1) {
      const button = FAC.element("button", "table-button", String(number));
      button.type = "button";
      button.addEventListener("click", () => {
        FAC.store("table", number);
        load(true);
      });
      box.append(button);
    }
  }

  function card(question, key, text, saved) {
    const box = FAC.element("div", "note");
    box.dataset.key = key;
    const area = FAC.element("textarea");
    area.value = text;
    area.rows = 4;
    area.setAttribute("aria-label", question === null ? FAC.text("web.general") : question);
    const row = FAC.element("div", "note-actions");
    const status = FAC.element("span", "status");
    status.setAttribute("role", "status");
    const save = FAC.element("button", "save", FAC.text("web.save"));
    save.type = "button";
    const remove = FAC.element("button", "delete link", FAC.text("web.delete"));
    remove.type = "button";
    remove.hidden = !saved;
    row.append(status, remove, save);
    box.append(area, row);
    cards.set(key, { status, card: box, remove });

    area.addEventListener("input", () => {
      putDraft({
        key, table: shown.table, slot: shown.slot, question, text: area.value, state: "unsent",
      });
      setStatus(key, "unsent");
    });
    save.addEventListener("click", () => {
      const draft = {
        key, table: shown.table, slot: shown.slot, question, text: area.value, state: "pending",
      };
      if (!area.value.trim()) return;
      if (new Blob([area.value]).size > FAC.config.maxNoteBytes) {
        setStatus(key, "error", FAC.text("web.too_long"));
        return;
      }
      putDraft(draft);
      setStatus(key, "saving");
      flush();
    });
    remove.addEventListener("click", async () => {
      if (!window.confirm(FAC.text("web.confirm_delete"))) return;
      const answer = await FAC.call("POST", "/api/notes/delete", { id: key, table: shown.table });
      if (answer.ok || answer.status === 404) {
        dropDraft(key);
        cards.delete(key);
        box.remove();
        ensureEmpty(question);
      } else {
        setStatus(key, "error", answer.status === 0 ? FAC.text("web.offline") : FAC.text("web.refused"));
      }
    });
    if (saved) setStatus(key, "saved");
    return box;
  }

  function listFor(question) {
    return questionsBox.querySelector(`[data-index="${question === null ? -1 : current.questions.indexOf(question)}"] .notes`);
  }

  function ensureEmpty(question) {
    const list = listFor(question);
    if (list && !list.children.length) list.append(card(question, FAC.randomId(20), "", false));
  }

  function ownKey(note) {
    const prefix = "web-";
    return note.id.startsWith(prefix) ? note.id.slice(prefix.length) : note.id;
  }

  function render(data) {
    current = data;
    shown = { session: data.session, slot: data.slot, table: data.table };
    cards.clear();
    picker.hidden = true;
    report.hidden = false;
    document.getElementById("table-name").textContent = FAC.text("web.table_n", { table: data.table });
    document.getElementById("slot-title").textContent = data.title;
    questionsBox.replaceChildren();
    const pending = Object.values(drafts());
    const questions = data.questions.length ? data.questions : [null];
    questions.forEach((question, index) => {
      const section = FAC.element("section", "question");
      section.dataset.index = question === null ? -1 : index;
      section.append(FAC.element("h2", "", question === null ? FAC.text("web.general") : question));
      const list = FAC.element("div", "notes");
      section.append(list);
      const seen = new Set();
      for (const note of data.notes.filter((n) => n.question === question)) {
        const key = ownKey(note);
        seen.add(key);
        const draft = pending.find((d) => d.key === key);
        list.append(card(question, key, draft ? draft.text : note.text, true));
        if (draft) setStatus(key, draft.state === "pending" ? "saving" : "unsent");
      }
      for (const draft of pending) {
        if (seen.has(draft.key) || draft.table !== data.table || draft.slot !== data.slot) continue;
        if (draft.question !== question) continue;
        list.append(card(question, draft.key, draft.text, false));
        setStatus(draft.key, draft.state === "pending" ? "saving" : "unsent");
      }
      if (!list.children.length) list.append(card(question, FAC.randomId(20), "", false));
      const more = FAC.element("button", "link more", FAC.text("web.another"));
      more.type = "button";
      more.addEventListener("click", () => {
        list.append(card(question, FAC.randomId(20), "", false));
        list.lastElementChild.querySelector("textarea").focus();
      });
      section.append(more);
      questionsBox.append(section);
    });
    const elsewhere = pending.filter((d) => d.state === "pending" && (d.slot !== data.slot || d.table !== data.table));
    const hint = document.getElementById("elsewhere");
    hint.hidden = !elsewhere.length;
    hint.textContent = elsewhere.length ? FAC.text("web.unsent") + ": " + elsewhere.length : "";
  }

  async function load(force) {
    const chosen = table();
    const answer = await FAC.call("GET", "/api/report" + (chosen ? "?table=" + chosen : ""));
    if (!answer.ok) {
      if (answer.status === 503) {
        waiting.hidden = false;
        picker.hidden = true;
        report.hidden = true;
      }
      return;
    }
    waiting.hidden = true;
    const data = answer.data;
    if (!chosen || chosen > data.tables) {
      showPicker(data.tables);
      return;
    }
    if (force || !shown || shown.slot !== data.slot || shown.session !== data.session || shown.table !== data.table) {
      render(data);
    }
    flush();
  }

  // Send every note waiting to be sent, one at a time, oldest first; failures wait a while.
  async function flush() {
    if (flushing) return;
    flushing = true;
    let retry = false;
    try {
      for (const draft of Object.values(drafts())) {
        if (draft.state !== "pending") continue;
        setStatus(draft.key, "saving");
        const answer = await FAC.call("POST", "/api/notes", {
          id: draft.key, table: draft.table, slot: draft.slot, question: draft.question, text: draft.text,
        });
        if (answer.ok && answer.data && answer.data.saved) {
          if (dropDraft(draft.key, draft.text)) setStatus(draft.key, "saved");
          const found = cards.get(draft.key);
          if (found) found.remove.hidden = false;
        } else if (answer.status === 0 || answer.status === 429 || answer.status >= 500 || answer.status === 403) {
          setStatus(draft.key, "offline", answer.status === 403 ? FAC.text("web.forbidden") : FAC.text("web.offline"));
          retry = true;
          break;
        } else {
          // The server will never take this one (too long, a slot gone): say why, keep the text.
          const reason = answer.data && answer.data.error ? answer.data.error : "";
          putDraft({ ...draft, state: "unsent" });
          setStatus(draft.key, "error", FAC.text("web.refused") + (reason ? " (" + reason + ")" : ""));
        }
      }
    } finally {
      flushing = false;
    }
    if (retry) setTimeout(flush, 3000);
  }

  document.getElementById("change-table").addEventListener("click", () => {
    FAC.store("table", null);
    shown = null;
    load(true);
  });
  window.addEventListener("online", flush);
  FAC.live((update) => {
    if (!shown || update.dialogue !== shown.slot || update.session !== shown.session) load(false);
  });
  load(true);
  setInterval(flush, 10000);
})();
