// Starts the web client: finishes a sign-in coming back from the server, then shows the welcome page or the app.
import { get } from './api.js';
import { h } from './dom.js';
import { layout } from './layout.js';
import { startUnreadCount } from './notifications.js';
import { route, startRouter } from './router.js';
import { currentToken, finishSignIn, forgetToken, startSignIn } from './session.js';
import { state } from './state.js';
import { onConnectionChange } from './streaming.js';
import { toast } from './toast.js';
import { welcome } from './views/welcome.js';
import { bookmarks, favourites, federated, hashtag, home, list, local } from './views/timelines.js';
import { followers, following, profile } from './views/profile.js';
import { thread } from './views/thread.js';
import { notifications } from './views/notifications.js';
import { followRequests } from './views/requests.js';
import { search } from './views/search.js';
import { settings } from './views/settings.js';
import { migration } from './views/migration.js';
import { listMembers, lists } from './views/lists.js';
import { report, reports } from './views/reports.js';
import { moderatedAccount, moderatedAccounts } from './views/moderated-accounts.js';
import { federation } from './views/federation.js';
import { queues } from './views/queues.js';

const root = document.getElementById('app');

route(/^\/web\/home$/, home);
route(/^\/web\/local$/, local);
route(/^\/web\/federated$/, federated);
route(/^\/web\/tags\/(?<tag>[^/]+)$/, hashtag);
route(/^\/web\/lists$/, lists);
route(/^\/web\/lists\/(?<id>\d+)$/, list);
route(/^\/web\/lists\/(?<id>\d+)\/members$/, listMembers);
route(/^\/web\/bookmarks$/, bookmarks);
route(/^\/web\/favourites$/, favourites);
route(/^\/web\/notifications$/, notifications);
route(/^\/web\/follow_requests$/, followRequests);
route(/^\/web\/search$/, search);
route(/^\/web\/settings$/, settings);
route(/^\/web\/settings\/migration$/, migration);
route(/^\/web\/moderation(\/reports)?$/, reports);
route(/^\/web\/moderation\/reports\/(?<id>\d+)$/, report);
route(/^\/web\/moderation\/accounts$/, moderatedAccounts);
route(/^\/web\/moderation\/accounts\/(?<id>\d+)$/, moderatedAccount);
route(/^\/web\/moderation\/federation$/, federation);
route(/^\/web\/moderation\/queues$/, queues);
route(/^\/web\/statuses\/(?<id>\d+)$/, thread);
route(/^\/web\/@(?<acct>[^/]+)\/followers$/, followers);
route(/^\/web\/@(?<acct>[^/]+)\/following$/, following);
route(/^\/web\/@(?<acct>[^/]+)$/, profile);

async function boot() {
  if (location.pathname === '/web/sign_in') {
    await startSignIn();
    return;
  }
  if (location.pathname === '/web/callback') {
    try {
      history.replaceState(null, '', await finishSignIn());
    } catch (error) {
      history.replaceState(null, '', '/');
      toast(error.message, 'error');
    }
  }
  state.instance = await get('/api/v2/instance').catch(() => null);
  if (!currentToken()) {
    welcome(root, state.instance);
    return;
  }
  try {
    state.me = await get('/api/v1/accounts/verify_credentials');
  } catch (error) {
    if (error.status === 401) forgetToken();
    welcome(root, state.instance);
    toast(error.message, 'error');
    return;
  }
  const outlet = layout(root);
  onConnectionChange((connected) => { document.body.dataset.stream = connected ? 'open' : 'closed'; });
  // counting first, so that the notifications view can wait for the marker
  startUnreadCount().catch(() => {});
  startRouter(outlet);
}

boot().catch((error) => {
  root.replaceChildren(h('p', { class: 'error', role: 'alert' }, `The web client could not start: ${error.message}`));
});
