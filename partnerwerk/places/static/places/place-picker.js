// The place picker (decision 0026): every <input data-place-picker data-source="..."> becomes an
// autocomplete (Tom Select, self-hosted) that asks the place search as the reader types and
// posts the chosen place's ref. Without this script the input takes a name, which the server
// resolves. No inline script: the pages' Content Security Policy allows only files like this.
(function () {
  "use strict";

  function results(data) {
    return Array.isArray(data) ? data : (data && data.results) || [];
  }

  function enhance(input) {
    const source = input.dataset.source;
    const ref = input.dataset.ref || "";
    const language = document.documentElement.lang || "";
    const options = ref ? [{ ref: ref, label: input.value, population_text: "" }] : [];
    // Tom Select hands the field's label to its own input; the original one, kept (hidden) for
    // the form's value, keeps the label's text as its name.
    const label = input.id ? document.querySelector('label[for="' + input.id + '"]') : null;
    if (label && !input.hasAttribute("aria-label")) {
      input.setAttribute("aria-label", label.textContent.trim().replace(/:$/, ""));
    }
    input.value = ref;
    const picker = new TomSelect(input, {
      maxItems: 1,
      valueField: "ref",
      labelField: "label",
      searchField: ["label"],
      options: options,
      items: ref ? [ref] : [],
      create: false,
      persist: false,
      loadThrottle: 200,
      closeAfterSelect: true,
      // The server ranks (a whole name first, then by population); keep its order.
      score: function () {
        return function () {
          return 1;
        };
      },
      shouldLoad: function (query) {
        return query.trim().length > 0;
      },
      load: function (query, callback) {
        const url = new URL(source, window.location.href);
        url.searchParams.set("q", query);
        if (language && url.pathname.indexOf("/api/") === 0) {
          url.searchParams.set("lang", language.slice(0, 2));
        }
        const self = this;
        fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" })
          .then(function (response) {
            return response.ok ? response.json() : [];
          })
          .then(function (data) {
            self.clearOptions();
            callback(results(data));
          })
          .catch(function () {
            callback();
          });
      },
      render: {
        option: function (item, escape) {
          const detail = item.population_text
            ? '<span class="place-option-detail">' + escape(item.population_text) + "</span>"
            : "";
          return '<div><span class="place-option-name">' + escape(item.label) + "</span>" + detail + "</div>";
        },
        item: function (item, escape) {
          return "<div>" + escape(item.label) + "</div>";
        },
        no_results: function () {
          return '<div class="no-results">' + (input.dataset.noResults || "") + "</div>";
        },
        loading: function () {
          return '<div class="spinner"></div>';
        },
      },
    });
    if (input.hasAttribute("data-submit-on-choice")) {
      picker.on("change", function (value) {
        if (value && input.form) {
          input.form.requestSubmit();
        }
      });
    }
  }

  function start() {
    if (typeof TomSelect === "undefined") {
      return;
    }
    document.querySelectorAll("input[data-place-picker][data-source]").forEach(enhance);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
