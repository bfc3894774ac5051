// The story editor: Quill for the body, autosave, lock pings, live preview,
// image picking from the media library, embeds by URL, tag suggestions.
// No inline script or style anywhere, so the page runs under the strict CSP.
(function () {
  "use strict";
  const form = document.getElementById("story-form");
  if (!form || typeof Quill === "undefined") return;
  const bodyField = form.querySelector("textarea[name=body]");
  const status = document.getElementById("autosave-status");
  const Delta = Quill.import("delta");

  const quill = new Quill("#body-editor", {
    theme: "snow",
    modules: {
      toolbar: {
        container: [
          [{ header: [2, 3, false] }],
          ["bold", "italic", "link"],
          ["blockquote", { list: "ordered" }, { list: "bullet" }],
          ["image", "embed"],
          ["clean"],
        ],
        handlers: { image: pickImage, embed: insertEmbed },
      },
    },
  });
  bodyField.hidden = true;
  // Not dangerouslyPasteHTML(html): it also puts the cursor in the body,
  // taking the focus from a field the journalist may be typing in already.
  quill.setContents(quill.clipboard.convert({ html: bodyField.value || "", text: "" }));
  const embedButton = form.querySelector(".ql-embed");
  if (embedButton) {
    embedButton.textContent = "X/YT";
    embedButton.setAttribute("aria-label", "Embed an X post or YouTube video by URL");
  }
  form.querySelectorAll(".ql-toolbar button").forEach(function (button) {
    if (!button.getAttribute("aria-label")) {
      const name = (button.className.match(/ql-(\w+)/) || [])[1] || "format";
      button.setAttribute("aria-label", name + (button.value ? " " + button.value : ""));
    }
  });

  function bodyHTML() {
    if (quill.getLength() <= 1) return "";
    // Quill 2.0's semantic HTML writes every space as &nbsp;; typed
    // non-breaking spaces stay as the character itself, so this is exact.
    return quill.getSemanticHTML().replaceAll("&nbsp;", " ");
  }

  let dirty = false;
  function sync() {
    bodyField.value = bodyHTML();
  }
  quill.on("text-change", function () {
    dirty = true;
    schedulePreview();
  });
  form.addEventListener("input", function () {
    dirty = true;
    schedulePreview();
  });
  form.addEventListener("submit", function () {
    sync();
    dirty = false;
  });

  function post(url) {
    sync();
    return fetch(url, {
      method: "POST",
      body: new FormData(form),
      credentials: "same-origin",
      headers: { "X-Requested-With": "fetch" },
    });
  }

  // Autosave every 15 seconds when something changed.
  const autosaveUrl = form.dataset.autosave;
  if (autosaveUrl) {
    setInterval(function () {
      if (!dirty) return;
      dirty = false;
      post(autosaveUrl)
        .then(function (r) { return r.json(); })
        .then(function (data) {
          if (data.saved) status.textContent = "Autosaved at " + data.at;
          if (data.current_version > Number(form.elements.version.value)) {
            status.textContent += ". Someone saved a newer version: your save will be refused; your text is kept.";
          }
        })
        .catch(function () { status.textContent = "Autosave failed: not connected?"; });
    }, 15000);
  }

  // Tell the server we are still here; learn who else holds the story.
  const pingUrl = form.dataset.ping;
  const notice = document.getElementById("lock-notice");
  if (pingUrl) {
    setInterval(function () {
      const data = new FormData();
      data.append("csrfmiddlewaretoken", form.elements.csrfmiddlewaretoken.value);
      fetch(pingUrl, { method: "POST", body: data, credentials: "same-origin" })
        .then(function (r) { return r.json(); })
        .then(function (info) {
          if (info.holder) {
            notice.textContent = info.holder + " has this story open.";
            notice.hidden = false;
          }
          if (info.version > Number(form.elements.version.value)) {
            notice.textContent = "A newer version (v" + info.version + ") was saved by someone else. Your save will be refused; copy your changes or reload.";
            notice.hidden = false;
          }
        })
        .catch(function () {});
    }, 30000);
  }

  // Live preview: the reader's own page, rendered by the server.
  const previewUrl = form.dataset.preview;
  const frame = document.getElementById("preview");
  let previewTimer = null;
  function schedulePreview() {
    if (!previewUrl || !frame) return;
    clearTimeout(previewTimer);
    previewTimer = setTimeout(refreshPreview, 800);
  }
  function refreshPreview() {
    post(previewUrl)
      .then(function (r) { return r.text(); })
      .then(function (html) { frame.srcdoc = html; })
      .catch(function () {});
  }
  if (previewUrl) refreshPreview();

  // Images come from the media library, with their alt text.
  const dialog = document.getElementById("image-dialog");
  function pickImage() {
    const choices = document.getElementById("image-choices");
    choices.textContent = "Loading…";
    dialog.showModal();
    fetch(form.dataset.media, { credentials: "same-origin" })
      .then(function (r) { return r.json(); })
      .then(function (data) {
        choices.textContent = "";
        if (!data.images.length) choices.textContent = "The media library is empty: upload pictures in Media first.";
        data.images.forEach(function (image) {
          const button = document.createElement("button");
          button.type = "button";
          button.className = "choice";
          const img = document.createElement("img");
          img.src = image.url;
          img.alt = image.alt;
          const label = document.createElement("span");
          label.textContent = image.alt;
          button.append(img, label);
          button.addEventListener("click", function () {
            const at = (quill.getSelection(true) || { index: quill.getLength() }).index;
            quill.updateContents(new Delta().retain(at).insert({ image: image.url }, { alt: image.alt }), "user");
            dialog.close();
          });
          choices.append(button);
        });
      });
  }

  // X posts and YouTube videos are kept as a plain link on its own line:
  // a safe placeholder that never loads a third-party script.
  const EMBED = /^https:\/\/(?:(?:www\.)?(?:x|twitter)\.com\/\w{1,15}\/status\/\d+|(?:www\.)?youtube\.com\/watch\?v=[\w-]{6,}|youtu\.be\/[\w-]{6,})/;
  function insertEmbed() {
    const url = (window.prompt("URL of the X post or YouTube video") || "").trim();
    if (!url) return;
    if (!EMBED.test(url)) {
      window.alert("Only X post and YouTube video addresses can be embedded.");
      return;
    }
    const at = (quill.getSelection(true) || { index: quill.getLength() }).index;
    const label = /youtu/.test(url) ? "Video on YouTube: " : "Post on X: ";
    quill.insertText(at, "\n" + label + url + "\n", "user");
    quill.formatText(at + 1 + label.length, url.length, "link", url, "user");
  }

  // Tag suggestions for the word being typed after the last comma.
  const tags = form.elements.tags;
  const suggestions = document.getElementById("tag-suggestions");
  if (tags && suggestions) {
    tags.setAttribute("autocomplete", "off");
    tags.addEventListener("input", function () {
      const parts = tags.value.split(",");
      const typed = parts[parts.length - 1].trim();
      suggestions.textContent = "";
      if (typed.length < 2) return;
      fetch(form.dataset.tags + "?q=" + encodeURIComponent(typed), { credentials: "same-origin" })
        .then(function (r) { return r.json(); })
        .then(function (data) {
          data.tags.forEach(function (name) {
            const button = document.createElement("button");
            button.type = "button";
            button.textContent = name;
            button.addEventListener("click", function () {
              parts[parts.length - 1] = " " + name;
              tags.value = parts.join(",").replace(/^\s+/, "") + ", ";
              suggestions.textContent = "";
              tags.focus();
            });
            suggestions.append(button);
          });
        });
    });
  }

  window.addEventListener("beforeunload", function (event) {
    if (dirty) event.preventDefault();
  });
})();
