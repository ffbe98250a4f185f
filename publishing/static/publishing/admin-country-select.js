"use strict";
// Type-to-find for the long list of countries, using the admin's bundled Select2.
window.addEventListener("load", function () {
  var $ = window.django && window.django.jQuery;
  if (!$ || !$.fn.select2) {
    return;
  }
  $("select.country-select").select2({ width: "20em", language: document.documentElement.lang || "en" });
});
