// Offers, as the reader types, the names of the records a filter box accepts.
(function () {
  "use strict";
  const WAIT_MS = 150;
  const MIN_LENGTH = 2;

  function complete(input) {
    const list = document.getElementById(input.getAttribute("list"));
    let timer = null;
    let asked = "";
    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(async function () {
        const text = input.value.trim();
        if (text.length < MIN_LENGTH || text === asked) {
          return;
        }
        asked = text;
        const url = new URL(input.dataset.complete, window.location.origin);
        url.searchParams.set("q", text);
        const response = await fetch(url, { headers: { Accept: "application/json" } });
        if (!response.ok || text !== input.value.trim()) {
          return;
        }
        const data = await response.json();
        list.replaceChildren(
          ...data.results.map(function (result) {
            const option = document.createElement("option");
            option.value = result.value;
            return option;
          })
        );
      }, WAIT_MS);
    });
  }

  document.querySelectorAll("input[data-complete]").forEach(complete);
})();
