// Drives a running Tsubame through masto.js, a Mastodon client library, the way an app would: registers an app,
// signs two people up, follows, posts, reads timelines, favourites, boosts, reads notifications, streams, deletes.
// Prints one JSON line per step on stdout; on the first failure prints what went wrong on stderr and exits 1.
//
//   TSUBAME_URL=http://localhost:8080 TSUBAME_STREAMING_URL=ws://localhost:8080 node_modules/node/bin/node client.mjs
//
// Environment:
//   TSUBAME_URL            the server, e.g. http://localhost:8080 (required)
//   TSUBAME_STREAMING_URL  the base of the streaming API, e.g. ws://localhost:8080; without it the streaming
//                          step is skipped with a note
//   MASTO_LOG              masto.js's log level (debug, info, warn, error); warn unless set

import {
  createOAuthAPIClient,
  createRestAPIClient,
  createStreamingAPIClient,
  MastoHttpError,
} from "masto";

const url = process.env.TSUBAME_URL;
const streamingApiUrl = process.env.TSUBAME_STREAMING_URL;
const scopes = "read write follow push";
const runId = Date.now().toString(36);
const log = process.env.MASTO_LOG ?? "warn";

if (!url) {
  fail("setup", new Error("TSUBAME_URL is not set"));
}

function print(step, details = {}) {
  const secret = (key) => /secret|token/i.test(key) && key !== "tokenType";
  console.log(JSON.stringify({ step, ok: true, ...details }, (key, value) => (secret(key) ? "(hidden)" : value)));
}

function fail(step, error) {
  const report = { step, ok: false, error: error?.message ?? String(error) };
  if (error instanceof MastoHttpError) {
    report.status = error.statusCode;
    report.request = error.cause?.url;
    report.description = error.description;
    report.details = error.details;
    report.additionalProperties = error.additionalProperties;
  }
  console.error(JSON.stringify(report));
  if (error?.stack) {
    console.error(error.stack);
  }
  process.exit(1);
}

async function step(name, action) {
  try {
    const details = await action();
    print(name, details);
    return details;
  } catch (error) {
    fail(name, error);
  }
}

function check(condition, message) {
  if (!condition) {
    throw new Error(message);
  }
}

// Asks again until found(answer) holds: fan-out and notifications happen after the request has been answered.
async function poll(what, ask, found, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  let last;
  while (Date.now() < deadline) {
    last = await ask();
    if (found(last)) {
      return last;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${what} not seen within ${timeoutMs} ms; last answer: ${JSON.stringify(last)}`);
}

const anonymous = createRestAPIClient({ url, timeout: 10_000, log });
const oauth = createOAuthAPIClient({ url, timeout: 10_000, log });

const app = await step("app", async () => {
  const created = await anonymous.v1.apps.create({
    clientName: `masto.js end to end ${runId}`,
    redirectUris: "urn:ietf:wg:oauth:2.0:oob",
    scopes,
  });
  check(created.clientId && created.clientSecret,
    `the app has no client_id or client_secret: ${JSON.stringify(created)}`);
  return { clientId: created.clientId, clientSecret: created.clientSecret, name: created.name };
});

const appToken = await step("app_token", async () => {
  const params = {
    grantType: "client_credentials",
    clientId: app.clientId,
    clientSecret: app.clientSecret,
    scope: scopes,
  };
  const token = await oauth.token.create(params);
  check(token?.accessToken, `POST /oauth/token answered no access_token but ${JSON.stringify(token)}`);
  return summary(token);

  function summary(token) {
    return { accessToken: token.accessToken, scope: token.scope, tokenType: token.tokenType };
  }
});

const asApp = createRestAPIClient({ url, accessToken: appToken.accessToken, timeout: 10_000, log });
const tokens = [];
for (const who of ["a", "b"]) {
  const username = `masto_${who}_${runId}`;
  const token = await step("sign_up", async () => {
    const created = await asApp.v1.accounts.create({
      username,
      email: `${username}@example.org`,
      password: `correct horse battery ${runId}`,
      agreement: true,
      locale: "en",
    });
    check(created.accessToken, `no access_token in ${JSON.stringify(created)}`);
    return { username, accessToken: created.accessToken, scope: created.scope };
  });
  tokens.push(token.accessToken);
}

const a = createRestAPIClient({ url, accessToken: tokens[0], timeout: 10_000, log });
const b = createRestAPIClient({ url, accessToken: tokens[1], timeout: 10_000, log });

const accountA = await step("verify_credentials", async () => {
  const me = await a.v1.accounts.verifyCredentials();
  check(me.id && me.username && me.acct === me.username, `odd account: ${JSON.stringify(me)}`);
  return { id: me.id, username: me.username, acct: me.acct, url: me.url };
});
const accountB = await step("verify_credentials", async () => {
  const me = await b.v1.accounts.verifyCredentials();
  check(me.id && me.id !== accountA.id, `odd account: ${JSON.stringify(me)}`);
  return { id: me.id, username: me.username, acct: me.acct, url: me.url };
});

await step("lookup", async () => {
  const found = await b.v1.accounts.lookup({ acct: accountA.username });
  check(found.id === accountA.id, `lookup of ${accountA.username} found ${found.id}, not ${accountA.id}`);
  return { acct: found.acct, id: found.id };
});

await step("follow", async () => {
  const relationship = await b.v1.accounts.$select(accountA.id).follow();
  check(relationship.id === accountA.id && relationship.following,
    `B does not follow A after follow: ${JSON.stringify(relationship)}`);
  return { id: relationship.id, following: relationship.following };
});

await step("relationships", async () => {
  const [relationship] = await b.v1.accounts.relationships.fetch({ id: [accountA.id] });
  check(relationship?.id === accountA.id && relationship.following && !relationship.followedBy,
    `unexpected relationship: ${JSON.stringify(relationship)}`);
  return { id: relationship.id, following: relationship.following, followedBy: relationship.followedBy };
});

const post = await step("post", async () => {
  const status = await a.v1.statuses.create({ status: `Hello from masto.js ${runId}`, visibility: "public" });
  check(status.id && status.account.id === accountA.id && status.visibility === "public",
    `odd status: ${JSON.stringify(status)}`);
  check(status.content.includes(`Hello from masto.js ${runId}`), `content lost: ${status.content}`);
  return { id: status.id, uri: status.uri, url: status.url };
});

await step("home_timeline", async () => {
  const home = await poll("A's post in B's home timeline", () => b.v1.timelines.home.list(),
    (statuses) => statuses.some((status) => status.id === post.id));
  return { statuses: home.length, contains: post.id };
});

await step("public_timeline", async () => {
  const statuses = await b.v1.timelines.public.list();
  check(statuses.some((status) => status.id === post.id),
    `A's post ${post.id} is not in the public timeline: ${statuses.map((status) => status.id)}`);
  return { statuses: statuses.length, contains: post.id };
});

await step("favourite", async () => {
  const status = await b.v1.statuses.$select(post.id).favourite();
  check(status.id === post.id && status.favourited, `not favourited: ${JSON.stringify(status)}`);
  return { id: status.id, favourited: status.favourited, favouritesCount: status.favouritesCount };
});

await step("reblog", async () => {
  const reblog = await b.v1.statuses.$select(post.id).reblog();
  check(reblog.reblog?.id === post.id && reblog.account.id === accountB.id,
    `the boost does not wrap A's post: ${JSON.stringify(reblog)}`);
  return { id: reblog.id, reblogOf: reblog.reblog.id, reblogged: reblog.reblog.reblogged };
});

await step("notifications", async () => {
  const wanted = ["follow", "favourite", "reblog"];
  const notifications = await poll("follow, favourite and reblog notifications", () => a.v1.notifications.list(),
    (list) => wanted.every((type) => list.some((n) => n.type === type && n.account.id === accountB.id
      && (type === "follow" || n.status?.id === post.id))));
  return { types: notifications.map((notification) => notification.type) };
});

const reply = await step("reply", async () => {
  const status = await b.v1.statuses.create({
    status: `@${accountA.username} nice one`,
    inReplyToId: post.id,
    visibility: "public",
  });
  check(status.inReplyToId === post.id, `not a reply to ${post.id}: ${JSON.stringify(status)}`);
  return { id: status.id, inReplyToId: status.inReplyToId };
});

await step("context", async () => {
  const context = await a.v1.statuses.$select(post.id).context.fetch();
  check(context.ancestors.length === 0, `A's post has ancestors: ${JSON.stringify(context.ancestors)}`);
  check(context.descendants.some((status) => status.id === reply.id),
    `B's reply ${reply.id} is not among the descendants: ${context.descendants.map((status) => status.id)}`);
  return { ancestors: context.ancestors.length, descendants: context.descendants.map((status) => status.id) };
});

if (!streamingApiUrl) {
  print("streaming", { skipped: true, note: "TSUBAME_STREAMING_URL not set: the server has no streaming API" });
} else {
  await step("streaming", () => streamUpdate());
}

await step("delete", async () => {
  const deleted = await a.v1.statuses.$select(post.id).remove();
  check(deleted.id === post.id, `deleted ${deleted.id}, not ${post.id}`);
  try {
    await a.v1.statuses.$select(post.id).fetch();
  } catch (error) {
    if (error instanceof MastoHttpError && error.statusCode === 404) {
      return { id: deleted.id, text: deleted.text, gone: true };
    }
    throw error;
  }
  throw new Error(`status ${post.id} can still be fetched after its deletion`);
});

print("done");
process.exit(0);

// The token request as a form, which every OAuth 2 server takes; masto.js sends JSON, which Mastodon accepts too.

// B listens on the user and public streams; A posts; both streams must carry the post as an update.
async function streamUpdate() {
  const streaming = createStreamingAPIClient({ streamingApiUrl, accessToken: tokens[1], retry: 3, log });
  let timer;
  try {
    await streaming.prepare();
    const subscriptions = { user: streaming.user.subscribe(), public: streaming.public.subscribe() };
    const arrivals = Object.entries(subscriptions).map(async ([stream, subscription]) => {
      for await (const event of subscription) {
        if (event.event === "update" && event.payload?.content?.includes(`streamed ${runId}`)) {
          return [stream, event.payload];
        }
      }
      throw new Error(`the ${stream} stream ended without the post`);
    });
    // Subscribing is a message without an answer: give the server a moment to register it.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const status = await a.v1.statuses.create({ status: `streamed ${runId}`, visibility: "public" });
    const timeout = new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no update event for ${status.id} within 15 s`)), 15_000);
    });
    const received = {};
    for (const arrival of arrivals) {
      const [stream, payload] = await Promise.race([arrival, timeout]);
      check(payload.id === status.id && payload.account.id === accountA.id,
        `the ${stream} stream's update is not A's post ${status.id}: ${JSON.stringify(payload)}`);
      received[stream] = payload.id;
    }
    return { posted: status.id, received };
  } finally {
    clearTimeout(timer);
    streaming.close();
  }
}
