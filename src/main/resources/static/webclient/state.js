// What every view may need to know: the signed-in account and the server's limits, and a channel for the few
// things views tell each other (reply to this, edit that, a post went out).

export const state = { me: null, instance: null };

const bus = new EventTarget();

export function emit(name, detail) {
  bus.dispatchEvent(new CustomEvent(name, { detail }));
}

export function on(name, handler) {
  const listener = (event) => handler(event.detail);
  bus.addEventListener(name, listener);
  return () => bus.removeEventListener(name, listener);
}
