// Builds elements from tag names, properties and children. Strings always become text nodes, so nothing a user
// typed can turn into markup; the one way in for HTML is richText(), for the server's sanitized status HTML.

export function h(tag, props, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(props ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') {
      element.addEventListener(name.slice(2).toLowerCase(), value);
    } else if (name === 'class') {
      element.className = value;
    } else if (name === 'dataset') {
      Object.assign(element.dataset, value);
    } else if (name === 'value' || (name in element && typeof value !== 'string')) {
      element[name] = value;
    } else {
      element.setAttribute(name, value === true ? '' : value);
    }
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

export function replaceChildren(element, ...children) {
  element.replaceChildren();
  append(element, children);
  return element;
}

const ALLOWED_TAGS = new Set(['P', 'BR', 'A', 'SPAN', 'STRONG', 'B', 'EM', 'I', 'U', 'S', 'DEL', 'CODE', 'PRE',
  'BLOCKQUOTE', 'UL', 'OL', 'LI']);
const ALLOWED_ATTRIBUTES = new Set(['href', 'class', 'rel', 'title', 'lang']);

// The server sanitizes status HTML before storing it; this keeps a second, stricter allow-list in the browser so
// that a mistake on one side is not enough to run script in someone's session.
export function richText(html) {
  const parsed = new DOMParser().parseFromString(`<body>${html ?? ''}</body>`, 'text/html');
  const fragment = document.createDocumentFragment();
  for (const node of [...parsed.body.childNodes]) {
    const clean = cleanNode(node);
    if (clean) fragment.append(clean);
  }
  return fragment;
}

function cleanNode(node) {
  if (node.nodeType === Node.TEXT_NODE) return document.createTextNode(node.textContent);
  if (node.nodeType !== Node.ELEMENT_NODE) return null;
  if (!ALLOWED_TAGS.has(node.tagName)) {
    const fragment = document.createDocumentFragment();
    for (const child of node.childNodes) {
      const clean = cleanNode(child);
      if (clean) fragment.append(clean);
    }
    return fragment;
  }
  const element = document.createElement(node.tagName);
  for (const attribute of node.attributes) {
    if (!ALLOWED_ATTRIBUTES.has(attribute.name)) continue;
    if (attribute.name === 'href' && !/^https?:\/\//i.test(attribute.value)) continue;
    element.setAttribute(attribute.name, attribute.value);
  }
  if (element.tagName === 'A') {
    element.setAttribute('target', '_blank');
    const tag = (node.getAttribute('rel') ?? '').split(/\s+/).includes('tag') ? 'tag ' : '';
    element.setAttribute('rel', `${tag}nofollow noopener noreferrer`);
  }
  for (const child of node.childNodes) {
    const clean = cleanNode(child);
    if (clean) element.append(clean);
  }
  return element;
}
