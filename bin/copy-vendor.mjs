// Copy the front-end files the portal serves from node_modules into partnerwerk/static/vendor/.
// Run by `npm run vendor` after `npm ci`; nothing is ever loaded from a CDN.
import { cpSync, mkdirSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const target = join(root, "partnerwerk", "static", "vendor");
const files = {
  "htmx.org/dist/htmx.min.js": "htmx/htmx.min.js",
  "htmx.org/LICENSE": "htmx/LICENSE",
  "leaflet/dist/leaflet.js": "leaflet/leaflet.js",
  // leaflet.js names its source map; the manifest storage refuses a missing reference.
  "leaflet/dist/leaflet.js.map": "leaflet/leaflet.js.map",
  "leaflet/dist/leaflet.css": "leaflet/leaflet.css",
  "leaflet/dist/images": "leaflet/images",
  "leaflet/LICENSE": "leaflet/LICENSE",
  "leaflet.markercluster/dist/leaflet.markercluster.js":
    "leaflet.markercluster/leaflet.markercluster.js",
  "leaflet.markercluster/dist/leaflet.markercluster.js.map":
    "leaflet.markercluster/leaflet.markercluster.js.map",
  "leaflet.markercluster/dist/MarkerCluster.css": "leaflet.markercluster/MarkerCluster.css",
  "leaflet.markercluster/MIT-LICENCE.txt": "leaflet.markercluster/MIT-LICENCE.txt",
  // The place picker (partnerwerk/static/places/place-picker.js); the source maps are copied
  // because the files name them and the manifest storage refuses a missing reference.
  "tom-select/dist/js/tom-select.base.min.js": "tom-select/tom-select.base.min.js",
  "tom-select/dist/js/tom-select.base.min.js.map": "tom-select/tom-select.base.min.js.map",
  "tom-select/dist/css/tom-select.min.css": "tom-select/tom-select.min.css",
  "tom-select/dist/css/tom-select.min.css.map": "tom-select/tom-select.min.css.map",
  "tom-select/LICENSE": "tom-select/LICENSE",
  "topojson-client/dist/topojson-client.min.js": "topojson-client/topojson-client.min.js",
  "topojson-client/LICENSE": "topojson-client/LICENSE",
  "world-atlas/countries-110m.json": "world-atlas/countries-110m.json",
  "world-atlas/LICENSE": "world-atlas/LICENSE",
};

rmSync(target, { recursive: true, force: true });
for (const [from, to] of Object.entries(files)) {
  mkdirSync(dirname(join(target, to)), { recursive: true });
  cpSync(join(root, "node_modules", from), join(target, to), { recursive: true });
}
console.log(`Copied ${Object.keys(files).length} front-end files to ${target}`);
