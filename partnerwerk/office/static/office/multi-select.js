// Multiple choices with a search (issue 14, item 7): every <select multiple data-multi-select>
// of an office form becomes a Tom Select field (self-hosted, vendor/tom-select): the chosen
// records as removable entries, and a search over the choices as the reader types. The
// choices are the select's own options, which the server already narrowed to what the user
// may read; nothing is fetched. Without this script the field is an ordinary multiple select.
// No inline script: the Content Security Policy allows only files like this one.
(function () {
  "use strict";

  function text(select, name) {
    return select.dataset[name] || "";
  }

  function enhance(select) {
    // Tom Select hands the field's label to its own input; the original select, kept (hidden)
    // for the form's value, keeps the label's text as its name.
    const label = select.id ? document.querySelector('label[for="' + select.id + '"]') : null;
    if (label && !select.hasAttribute("aria-label")) {
      select.setAttribute("aria-label", label.textContent.trim().replace(/:$/, ""));
    }
    const removeLabel = text(select, "removeLabel");
    const field = new TomSelect(select, {
      maxItems: null,
      maxOptions: 200,
      create: false,
      persist: true,
      hideSelected: true,
      closeAfterSelect: false,
      placeholder: text(select, "placeholder"),
      render: {
        item: function (item, escape) {
          // The cross is for the mouse; the keyboard removes an entry with Backspace.
          return (
            "<div>" + escape(item.text) +
            ' <span class="multi-select-remove" aria-hidden="true" title="' +
            escape(removeLabel) + '">×</span></div>'
          );
        },
        no_results: function () {
          return '<div class="no-results">' + text(select, "noResults") + "</div>";
        },
      },
    });
    const describedBy = select.getAttribute("aria-describedby");
    if (describedBy) {
      field.control_input.setAttribute("aria-describedby", describedBy);
    }
    // A click on an entry's cross removes the entry without opening the list.
    field.control.addEventListener(
      "mousedown",
      function (event) {
        const cross = event.target.closest(".multi-select-remove");
        if (!cross || field.isLocked) {
          return;
        }
        event.preventDefault();
        event.stopPropagation();
        const item = cross.closest("[data-value]");
        if (item) {
          field.removeItem(item.getAttribute("data-value"));
          field.refreshOptions(false);
        }
      },
      true
    );
  }

  function start() {
    if (typeof TomSelect === "undefined") {
      return;
    }
    document.querySelectorAll("select[multiple][data-multi-select]").forEach(enhance);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
