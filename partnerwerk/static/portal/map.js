// The partner cities on a self-hosted world map. The data come from the JSON block the page
// embeds (#map-data); the country shapes from the world-atlas file served by this site. The
// same content is on the page as a list, so the map is an addition, never the only way.
(function () {
  "use strict";
  var element = document.getElementById("partner-map");
  var block = document.getElementById("map-data");
  if (!element || !block || !window.L || !window.topojson || !L.markerClusterGroup) return;
  var data = JSON.parse(block.textContent);
  var LIVE = ["active", "approved"];

  element.hidden = false;
  var legend = document.getElementById("map-legend");
  if (legend) legend.hidden = false;
  var map = L.map(element, {
    attributionControl: true,
    worldCopyJump: false,
    minZoom: 1,
    maxZoom: 8,
    maxBounds: [[-85, -200], [85, 200]],
  }).setView([20, 10], 2);
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution("Natural Earth");

  fetch(element.dataset.world)
    .then(function (response) { return response.json(); })
    .then(function (world) {
      var countries = topojson.feature(world, world.objects.countries);
      // Antarctica (ISO 3166 numeric 010) would only stretch across the bottom of the map.
      countries.features = countries.features.filter(function (feature) {
        return feature.id !== "010";
      });
      countries.features.forEach(function (feature) {
        if (feature.geometry) unwrapGeometry(feature.geometry);
      });
      L.geoJSON(countries, {
        interactive: false,
        style: { color: "#9aa3ad", weight: 0.6, fillColor: "#f7f7f2", fillOpacity: 1 },
      }).addTo(map).bringToBack();
    });

  // Rings that cross the antimeridian (Russia, Fiji) would be drawn as lines across the
  // whole map; moving their western part east of 180° keeps them in one piece.
  function unwrapRing(ring) {
    var east = ring.some(function (point) { return point[0] > 160; });
    var west = ring.some(function (point) { return point[0] < -160; });
    if (!east || !west) return ring;
    return ring.map(function (point) {
      return point[0] < 0 ? [point[0] + 360, point[1]] : point;
    });
  }

  function unwrapGeometry(geometry) {
    if (geometry.type === "Polygon") {
      geometry.coordinates = geometry.coordinates.map(unwrapRing);
    } else if (geometry.type === "MultiPolygon") {
      geometry.coordinates = geometry.coordinates.map(function (polygon) {
        return polygon.map(unwrapRing);
      });
    }
  }

  function escapeText(text) {
    var span = document.createElement("span");
    span.textContent = text;
    return span.innerHTML;
  }

  // Keyboard use: Enter on a marker opens its popup and moves the focus to the link in it
  // (the popups come after all markers in the page, so Tab alone would first pass every other
  // marker); Escape closes the popup and puts the focus back on its marker.
  var openMarker = null;
  function focusOnPopup(marker) {
    marker.on("popupopen", function (event) {
      openMarker = marker;
      var link = event.popup.getElement().querySelector("a");
      if (link) link.focus({ preventScroll: true });
    });
    marker.on("popupclose", function () {
      if (openMarker === marker) openMarker = null;
    });
  }
  element.addEventListener("keydown", function (event) {
    if (event.key !== "Escape" || !openMarker) return;
    if (!map.getPane("popupPane").contains(document.activeElement)) return;
    var marker = openMarker;
    marker.closePopup();
    marker.getElement().focus();
    event.preventDefault();
  });

  // Cities close together (most of Europe at world scale) are drawn as one numbered cluster:
  // every target keeps at least 24 px and none hides another. Enter on a cluster zooms in and
  // moves the focus to the first place that became visible.
  var cluster = L.markerClusterGroup({
    showCoverageOnHover: false,
    spiderfyOnMaxZoom: true,
    maxClusterRadius: 36,
    iconCreateFunction: function (group) {
      var count = group.getChildCount();
      return L.divIcon({
        className: "map-cluster",
        html: "<span>" + count + "</span>",
        iconSize: [36, 36],
      });
    },
  });
  // Leaflet puts the focus on the map itself after the click; once the zoom has settled, it
  // goes to the first place of the cluster (or the smaller cluster that now holds it).
  cluster.on("clusterclick clusterkeypress", function (event) {
    if (event.type === "clusterkeypress" && event.originalEvent.keyCode !== 13) return;
    var first = event.layer.getAllChildMarkers()[0];
    var tries = 0;
    var timer = window.setInterval(function () {
      tries += 1;
      var shown = cluster.getVisibleParent(first);
      var target = shown && shown.getElement();
      if (target && !map._animatingZoom && target !== event.layer.getElement()) {
        window.clearInterval(timer);
        labelClusters();
        target.focus();
      } else if (tries > 40) {
        window.clearInterval(timer);
      }
    }, 100);
  });
  cluster.on("clusteradd", labelClusters);
  map.on("zoomend moveend", labelClusters);
  function labelClusters() {
    element.querySelectorAll(".map-cluster").forEach(function (icon) {
      var count = icon.textContent.trim();
      var label = data.cluster_label.replace("{count}", count);
      icon.setAttribute("aria-label", label);
      icon.setAttribute("title", label);
      icon.setAttribute("role", "button");
    });
  }

  var bounds = [];
  if (data.home) {
    var home = L.marker([data.home.lat, data.home.lon], {
      icon: L.divIcon({ className: "home-marker", iconSize: [24, 24] }),
      title: data.home.name,
      alt: data.home.name,
      keyboard: true,
    });
    home.bindPopup("<strong>" + escapeText(data.home.name) + "</strong>");
    home.on("add", function () { home.getElement().setAttribute("aria-label", data.home.name); });
    focusOnPopup(home);
    cluster.addLayer(home);
    bounds.push([data.home.lat, data.home.lon]);
  }
  data.cities.forEach(function (city) {
    var live = LIVE.indexOf(city.status) !== -1;
    if (data.home) {
      L.polyline([[data.home.lat, data.home.lon], [city.lat, city.lon]], {
        color: "#00549f",
        weight: 1.5,
        opacity: 0.6,
        dashArray: live ? null : "4 4",
        interactive: false,
      }).addTo(map);
    }
    var label = city.name + ": " + city.label;
    var marker = L.marker([city.lat, city.lon], {
      icon: L.divIcon({
        className: "partner-marker kind-" + city.kind + (live ? "" : " not-live"),
        iconSize: [24, 24],
      }),
      title: label,
      alt: label,
      keyboard: true,
      riseOnHover: true,
    });
    marker.on("add", function () { marker.getElement().setAttribute("aria-label", label); });
    marker.bindPopup(
      '<a href="' + encodeURI(city.url) + '">' + escapeText(city.name) + "</a><br>" +
        escapeText(city.label)
    );
    focusOnPopup(marker);
    cluster.addLayer(marker);
    bounds.push([city.lat, city.lon]);
  });
  map.addLayer(cluster);
  labelClusters();
  if (bounds.length > 1) map.fitBounds(bounds, { padding: [30, 30], maxZoom: 5 });
})();
