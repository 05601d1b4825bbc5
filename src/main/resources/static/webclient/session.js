// Signing in to this server's own OAuth app (authorization code with PKCE), keeping the token, signing out.

const TOKEN_KEY = 'tsubame.token';
const PENDING_KEY = 'tsubame.pendingSignIn';

function meta(name) {
  return document.querySelector(`meta[name="${name}"]`)?.content ?? '';
}

export const server = meta('tsubame-server');

export function currentToken() {
  return localStorage.getItem(TOKEN_KEY);
}

function callbackUri() {
  return location.origin + meta('tsubame-callback');
}

function randomText(bytes) {
  return base64Url(crypto.getRandomValues(new Uint8Array(bytes)));
}

function base64Url(bytes) {
  return btoa(String.fromCharCode(...new Uint8Array(bytes))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

// Sends the browser to the authorization endpoint; the server signs the person in and sends them back with a code.
export async function startSignIn(returnTo = '/web/home') {
  const verifier = randomText(48);
  const state = randomText(16);
  const challenge = base64Url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  sessionStorage.setItem(PENDING_KEY, JSON.stringify({ verifier, state, returnTo }));
  const authorize = new URL('/oauth/authorize', location.origin);
  authorize.search = new URLSearchParams({
    response_type: 'code', client_id: meta('tsubame-client-id'), redirect_uri: callbackUri(),
    scope: meta('tsubame-scopes'), state, code_challenge: challenge, code_challenge_method: 'S256',
  });
  location.assign(authorize);
}

// On the callback page: trades the code for a token. Returns where the person was going.
export async function finishSignIn() {
  const params = new URLSearchParams(location.search);
  const pending = JSON.parse(sessionStorage.getItem(PENDING_KEY) ?? 'null');
  sessionStorage.removeItem(PENDING_KEY);
  if (params.get('error')) throw new Error(`Signing in was refused: ${params.get('error_description') ?? params.get('error')}`);
  if (!pending || pending.state !== params.get('state')) throw new Error('This sign-in link is stale. Sign in again.');
  const response = await fetch('/oauth/token', {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
    body: new URLSearchParams({
      grant_type: 'authorization_code', code: params.get('code'), redirect_uri: callbackUri(),
      client_id: meta('tsubame-client-id'), code_verifier: pending.verifier,
    }),
  });
  const body = await response.json().catch(() => ({}));
  if (!response.ok || !body.access_token) {
    throw new Error(`Signing in failed: ${body.error_description ?? body.error ?? response.status}`);
  }
  localStorage.setItem(TOKEN_KEY, body.access_token);
  return pending.returnTo;
}

export function forgetToken() {
  localStorage.removeItem(TOKEN_KEY);
}

// The session's CSRF token as the shell is served now: the one this page came with is stale once the session
// it belonged to has timed out.
async function freshCsrfToken() {
  try {
    const shell = await (await fetch('/', { credentials: 'same-origin' })).text();
    const page = new DOMParser().parseFromString(shell, 'text/html');
    return page.querySelector('meta[name="csrf-token"]')?.content ?? meta('csrf-token');
  } catch {
    return meta('csrf-token');
  }
}

// The server revokes the token and ends its session in one form post, as a top-level navigation so that the
// session cookie and the CSRF token travel together.
export async function signOut() {
  const token = currentToken();
  const csrf = await freshCsrfToken();
  forgetToken();
  const form = document.createElement('form');
  form.method = 'post';
  form.action = '/auth/sign_out';
  for (const [name, value] of [[meta('csrf-param'), csrf], ['token', token ?? '']]) {
    const input = document.createElement('input');
    input.type = 'hidden';
    input.name = name;
    input.value = value;
    form.append(input);
  }
  document.body.append(form);
  form.submit();
}
