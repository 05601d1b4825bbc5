// In-app addresses under /web/: links to them change the view without a page load, and Back works.

const routes = [];
let cleanup = null;
let outlet = null;

export function route(pattern, view) {
  routes.push({ pattern, view });
}

export function navigate(path, { replace = false } = {}) {
  if (replace) history.replaceState(null, '', path);
  else history.pushState(null, '', path);
  render();
}

export function startRouter(element) {
  outlet = element;
  addEventListener('popstate', render);
  document.addEventListener('click', (event) => {
    const link = event.target.closest('a[href]');
    if (!link || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey
        || link.target === '_blank' && !link.dataset.inApp) return;
    const url = new URL(link.href, location.href);
    if (url.origin !== location.origin || !url.pathname.startsWith('/web/')) return;
    event.preventDefault();
    navigate(url.pathname + url.search);
  });
  render();
}

function render() {
  if (cleanup) cleanup();
  cleanup = null;
  const path = decodeURIComponent(location.pathname);
  for (const { pattern, view } of routes) {
    const match = path.match(pattern);
    if (match) {
      outlet.replaceChildren();
      scrollTo(0, 0);
      cleanup = view(outlet, match.groups ?? {}, new URLSearchParams(location.search)) ?? null;
      document.dispatchEvent(new CustomEvent('routechange', { detail: path }));
      return;
    }
  }
  navigate('/web/home', { replace: true });
}
