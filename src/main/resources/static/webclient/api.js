// The one door to the server's Mastodon API: adds the token, reads JSON, and turns failures into errors with a
// sentence a person can read.
import { currentToken } from './session.js';

export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

const FRIENDLY = {
  401: 'You are signed out. Sign in again to go on.',
  403: 'You are not allowed to do that.',
  404: 'This could not be found. It may have been deleted, or you may not be allowed to see it.',
  413: 'The file is too large.',
  429: 'Too many requests. Wait a moment and try again.',
};

export async function api(path, { method = 'GET', json, form, query, headers = {} } = {}) {
  const url = new URL(path, location.origin);
  for (const [name, value] of Object.entries(query ?? {})) {
    if (Array.isArray(value)) value.forEach((item) => url.searchParams.append(`${name}[]`, item));
    else if (value !== undefined && value !== null && value !== '') url.searchParams.set(name, value);
  }
  const request = { method, headers: { Accept: 'application/json', ...headers } };
  const token = currentToken();
  if (token) request.headers.Authorization = `Bearer ${token}`;
  if (json !== undefined) {
    request.headers['Content-Type'] = 'application/json';
    request.body = JSON.stringify(json);
  } else if (form) {
    request.body = form;
  }
  let response;
  try {
    response = await fetch(url, request);
  } catch {
    throw new ApiError(0, 'The server cannot be reached. Check your connection and try again.');
  }
  const body = await response.text();
  const data = body ? parseJson(body) : null;
  if (!response.ok) {
    const said = data && typeof data.error === 'string' ? data.error : null;
    throw new ApiError(response.status, said ?? FRIENDLY[response.status] ?? `The server answered ${response.status}.`);
  }
  return { data, next: nextLink(response.headers.get('Link')) };
}

// A file the server makes for the signed-in person (a CSV export), saved by the browser under its own name.
export async function download(path, fileName) {
  let response;
  try {
    response = await fetch(path, { headers: { Authorization: `Bearer ${currentToken()}` } });
  } catch {
    throw new ApiError(0, 'The server cannot be reached. Check your connection and try again.');
  }
  if (!response.ok) {
    throw new ApiError(response.status, FRIENDLY[response.status] ?? `The server answered ${response.status}.`);
  }
  const link = document.createElement('a');
  link.href = URL.createObjectURL(await response.blob());
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
}

export async function get(path, query) {
  return (await api(path, { query })).data;
}

export async function post(path, json) {
  return (await api(path, { method: 'POST', json: json ?? {} })).data;
}

function parseJson(text) {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

// Mastodon pages with Link headers; the next page is the older one. Only its path is kept: the server names
// itself by its configured domain, which may not be the origin this page was loaded from.
function nextLink(header) {
  if (!header) return null;
  for (const part of header.split(',')) {
    const match = part.match(/<([^>]+)>\s*;\s*rel="next"/);
    if (match) {
      const next = new URL(match[1], location.origin);
      return next.pathname + next.search;
    }
  }
  return null;
}
