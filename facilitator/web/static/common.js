// Shared by every page: the configuration the server put in the page, fetches that carry
// the join token and this device's id, the live event stream, and small helpers.
"use strict";

const FAC = (function () {
  const config = JSON.parse(document.getElementById("config").textContent);

  function text(key, values) {
    let found = config.texts[key] || key;
    for (const [name, value] of Object.entries(values || {})) {
      found = found.split("{" + name + "}").join(String(value));
    }
    return found;
  }

  function randomId(length) {
    const bytes = new Uint8Array(length);
    crypto.getRandomValues(bytes);
    return Array.from(bytes, (b) => "abcdefghijklmnopqrstuvwxyz0123456789"[b % 36]).join("");
  }

  function stored(key, fallback) {
    try {
      const value = localStorage.getItem("facilitator." + key);
      return value === null ? fallback : JSON.parse(value);
    } catch (error) {
      return fallback;
    }
  }

  function store(key, value) {
    try {
      localStorage.setItem("facilitator." + key, JSON.stringify(value));
    } catch (error) {
      // A full or disabled storage: the page still works, drafts do not survive a reload.
    }
  }

  let device = stored("device", null);
  if (!device) {
    device = randomId(16);
    store("device", device);
  }

  const connection = document.getElementById("connection");
  function showConnection(message) {
    if (!connection) return;
    connection.hidden = !message;
    connection.textContent = message || "";
  }

  // A fetch with the token and the device id; resolves to {ok, status, data}, never throws.
  async function call(method, path, body) {
    const headers = {
      "X-Facilitator-Token": config.token,
      "X-Facilitator-Device": device,
    };
    const options = { method, headers, cache: "no-store" };
    if (body !== undefined) {
      headers["Content-Type"] = "application/json";
      options.body = JSON.stringify(body);
    }
    try {
      const response = await fetch(path, options);
      let data = null;
      try {
        data = await response.json();
      } catch (error) {
        data = null;
      }
      if (response.status === 403) showConnection(text("web.forbidden"));
      else showConnection("");
      return { ok: response.ok, status: response.status, data };
    } catch (error) {
      showConnection(text("web.offline"));
      return { ok: false, status: 0, data: null };
    }
  }

  // The live updates; `onUpdate` gets each one. The browser reconnects by itself.
  function live(onUpdate) {
    const source = new EventSource("/api/events?t=" + encodeURIComponent(config.token));
    source.addEventListener("update", (event) => {
      showConnection("");
      onUpdate(JSON.parse(event.data), performance.now());
    });
    source.addEventListener("error", () => showConnection(text("web.offline")));
    return source;
  }

  // The countdown as the consoles write it: "05:00", "+01:23", "1:05:00".
  function countdown(seconds) {
    const sign = seconds < 0 ? "+" : "";
    let rest = Math.abs(seconds);
    const secs = rest % 60;
    let minutes = Math.floor(rest / 60);
    const two = (n) => String(n).padStart(2, "0");
    if (minutes >= 60) {
      const hours = Math.floor(minutes / 60);
      minutes %= 60;
      return sign + hours + ":" + two(minutes) + ":" + two(secs);
    }
    return sign + two(minutes) + ":" + two(secs);
  }

  function element(tag, className, content) {
    const made = document.createElement(tag);
    if (className) made.className = className;
    if (content !== undefined) made.textContent = content; // always text, never HTML
    return made;
  }

  return { config, text, randomId, stored, store, call, live, countdown, element, showConnection };
})();
