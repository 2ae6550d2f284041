// An admin list filter's autocomplete box applies the record as soon as it is chosen.
(function () {
  "use strict";
  // Select2 announces a choice through jQuery's events, which native listeners do not hear.
  django.jQuery(function ($) {
    $(".autocomplete-filter select").on("change", function () {
      this.form.submit();
    });
  });
})();
