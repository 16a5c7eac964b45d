// The back office's only script: htmx sends Django's CSRF token with every request it makes.
// The token comes from the page's <meta name="csrf-token">, never from a cookie (the cookie is
// HttpOnly) and never from inline script (the CSP forbids it).
document.addEventListener("htmx:configRequest", (event) => {
  const meta = document.querySelector('meta[name="csrf-token"]');
  if (meta) {
    event.detail.headers["X-CSRFToken"] = meta.content;
  }
});
