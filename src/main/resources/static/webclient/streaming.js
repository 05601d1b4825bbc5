// One WebSocket to /api/v1/streaming for the whole page, multiplexing Mastodon's streams: views subscribe to what
// they show and unsubscribe when they go. A dropped connection comes back with growing pauses and resubscribes.
import { currentToken } from './session.js';

const listeners = new Map();
let socket = null;
let retryDelay = 1000;
let statusCallback = () => {};

function keyOf(name, param) {
  return param ? `${name}#${param}` : name;
}

function message(type, name, param) {
  const body = { type, stream: name };
  if (name.startsWith('hashtag')) body.tag = param;
  if (name === 'list') body.list = param;
  return JSON.stringify(body);
}

export function onConnectionChange(callback) {
  statusCallback = callback;
}

export function subscribe(name, param, handler) {
  const key = keyOf(name, param);
  if (!listeners.has(key)) {
    listeners.set(key, { name, param, handlers: new Set() });
    if (socket?.readyState === WebSocket.OPEN) socket.send(message('subscribe', name, param));
  }
  listeners.get(key).handlers.add(handler);
  connect();
  return () => {
    const entry = listeners.get(key);
    if (!entry) return;
    entry.handlers.delete(handler);
    if (entry.handlers.size === 0) {
      listeners.delete(key);
      if (socket?.readyState === WebSocket.OPEN) socket.send(message('unsubscribe', name, param));
    }
  };
}

function connect() {
  if (socket || !currentToken()) return;
  const url = new URL('/api/v1/streaming', location.origin);
  url.protocol = location.protocol === 'https:' ? 'wss:' : 'ws:';
  // the token goes in the protocol header, the only one a browser may set, so it stays out of addresses and logs
  socket = new WebSocket(url, [currentToken()]);
  socket.addEventListener('open', () => {
    retryDelay = 1000;
    statusCallback(true);
    for (const { name, param } of listeners.values()) socket.send(message('subscribe', name, param));
  });
  socket.addEventListener('message', (event) => deliver(JSON.parse(event.data)));
  socket.addEventListener('close', () => {
    socket = null;
    statusCallback(false);
    if (listeners.size > 0 && currentToken()) {
      setTimeout(connect, retryDelay);
      retryDelay = Math.min(retryDelay * 2, 60000);
    }
  });
}

function deliver(frame) {
  if (!frame.event || !Array.isArray(frame.stream)) return;
  const [name, param] = frame.stream;
  const entry = listeners.get(keyOf(name, param));
  if (!entry) return;
  const payload = frame.event === 'delete' ? frame.payload : JSON.parse(frame.payload);
  for (const handler of entry.handlers) handler(frame.event, payload);
}
