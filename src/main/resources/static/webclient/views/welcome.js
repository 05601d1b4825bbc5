// What someone signed out sees: the server's name and the way in.
import { h } from '../dom.js';
import { server, startSignIn } from '../session.js';

export function welcome(outlet, instance) {
  const registrations = instance?.registrations ?? {};
  outlet.append(h('main', { class: 'welcome', id: 'main' },
    h('h1', {}, instance?.title || server),
    instance?.description ? h('p', {}, instance.description) : null,
    h('p', {}, 'A place to post, follow people here and across the fediverse, and talk.'),
    h('div', { class: 'welcome-actions' },
      h('button', { type: 'button', id: 'sign-in', onclick: () => startSignIn(location.pathname.startsWith('/web/') ? location.pathname + location.search : '/web/home') }, 'Sign in'),
      registrations.enabled ? h('a', { href: '/auth/sign_up', class: 'button secondary', id: 'sign-up' },
        registrations.approval_required ? 'Sign up (approved by a moderator)' : 'Sign up') : null)));
}
