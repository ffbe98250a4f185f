"use strict";
// Accessible names the admin's widgets lack: the rich-text editor's editable area, and the
// type-to-find (Select2) boxes for contact persons and countries. Each gets its field's label, so
// screen readers announce e.g. "Description [en]" or "Innovation attaché".
(function () {
  function fieldLabel(element) {
    var row = element.closest(".form-row, .fieldBox");
    var label = row && row.querySelector("label");
    return label ? label.textContent.replace(/:\s*$/, "").trim() : "";
  }
  function name(element, text) {
    if (text && !element.hasAttribute("aria-label")) {
      element.setAttribute("aria-label", text);
    }
  }
  function scan() {
    document.querySelectorAll('[contenteditable="true"]').forEach(function (editable) {
      name(editable, fieldLabel(editable));
      editable.setAttribute("aria-multiline", "true");
    });
    document.querySelectorAll(".select2-selection[role=combobox]").forEach(function (box) {
      var text = fieldLabel(box);
      if (text && box.getAttribute("aria-labelledby")) {
        // aria-labelledby would win over aria-label; the label is what names the box.
        box.removeAttribute("aria-labelledby");
      }
      name(box, text);
      box.querySelectorAll(".select2-selection__rendered").forEach(function (shown) {
        name(shown, text);
      });
    });
  }
  document.addEventListener("DOMContentLoaded", function () {
    scan();
    new MutationObserver(scan).observe(document.body, { childList: true, subtree: true });
  });
})();
