// A one-actor ActivityPub server built on Fedify, for Tsubame's interoperability test.
//
//   HOST=127.0.0.50 PORT=8050 node_modules/node/bin/node peer.mjs
//
// Its actor is "pat" (a Person) at http://HOST:PORT/users/pat. It accepts every Follow, and the test drives it
// through a small control API:
//   POST /control/follow?target=<actor URI>  pat follows that actor
//   POST /control/post?text=<text>           pat posts a public Note to its followers
//   GET  /control/state                      what pat has seen: followers, accepted follows, notes received
// Everything lives in memory; keys are made anew at each start.

import { AsyncLocalStorage } from "node:async_hooks";
import { createServer } from "node:http";
import { Temporal } from "@js-temporal/polyfill";
import { configure, getConsoleSink } from "@logtape/logtape";
import { createFederation, generateCryptoKeyPair, MemoryKvStore } from "@fedify/fedify";
import { Accept, Create, Endpoints, Follow, isActor, Note, Person, PUBLIC_COLLECTION } from "@fedify/vocab";

const host = process.env.HOST ?? "127.0.0.50";
const port = Number(process.env.PORT ?? 8050);
const origin = `http://${host}:${port}`;
const ACTOR = "pat";

await configure({
  sinks: { console: getConsoleSink() },
  contextLocalStorage: new AsyncLocalStorage(),
  loggers: [
    { category: "fedify", lowestLevel: process.env.LOG_LEVEL ?? "info", sinks: ["console"] },
    { category: ["logtape", "meta"], lowestLevel: "warning", sinks: ["console"] },
  ],
});

const keyPairs = [await generateCryptoKeyPair("RSASSA-PKCS1-v1_5"), await generateCryptoKeyPair("Ed25519")];

/** Followers by actor URI, as recipients (id and inbox). */
const followers = new Map();
/** Follow activities pat sent, by id: the actor followed, and whether it accepted. */
const sentFollows = new Map();
/** Notes pat received and notes pat posted. */
const notesReceived = [];
const notesPosted = new Map();

const federation = createFederation({
  kv: new MemoryKvStore(),
  origin,
  // The peers of this test live on loopback addresses.
  allowPrivateAddress: true,
});

federation
  .setActorDispatcher("/users/{identifier}", async (ctx, identifier) => {
    if (identifier !== ACTOR) return null;
    const keys = await ctx.getActorKeyPairs(identifier);
    return new Person({
      id: ctx.getActorUri(identifier),
      preferredUsername: identifier,
      name: "Pat (Fedify)",
      url: ctx.getActorUri(identifier),
      inbox: ctx.getInboxUri(identifier),
      endpoints: new Endpoints({ sharedInbox: ctx.getInboxUri() }),
      followers: ctx.getFollowersUri(identifier),
      publicKey: keys[0].cryptographicKey,
      assertionMethods: keys.map((key) => key.multikey),
    });
  })
  .mapHandle((ctx, username) => (username === ACTOR ? ACTOR : null))
  .setKeyPairsDispatcher((ctx, identifier) => (identifier === ACTOR ? keyPairs : []));

federation.setFollowersDispatcher("/users/{identifier}/followers", (ctx, identifier) =>
  identifier === ACTOR ? { items: [...followers.values()] } : null);

federation.setObjectDispatcher(Note, "/notes/{id}", (ctx, values) => notesPosted.get(values.id) ?? null);

federation
  .setInboxListeners("/users/{identifier}/inbox", "/inbox")
  .on(Follow, async (ctx, follow) => {
    const target = follow.objectId && ctx.parseUri(follow.objectId);
    if (target?.type !== "actor" || target.identifier !== ACTOR) return;
    const follower = await follow.getActor(ctx);
    if (follower?.id == null || follower.inboxId == null) return;
    followers.set(follower.id.href, {
      id: follower.id,
      inboxId: follower.inboxId,
      endpoints: follower.endpoints,
    });
    await ctx.sendActivity({ identifier: ACTOR }, follower, new Accept({
      id: new URL(`/activities/${crypto.randomUUID()}`, origin),
      actor: ctx.getActorUri(ACTOR),
      object: follow,
    }));
  })
  .on(Accept, (ctx, accept) => {
    // The Follow comes back as its id or embedded; its id is enough, and it is one that pat minted.
    const follow = accept.objectId && sentFollows.get(accept.objectId.href);
    if (follow != null && follow.target === accept.actorId?.href) follow.accepted = true;
  })
  .on(Create, async (ctx, create) => {
    const object = await create.getObject(ctx);
    if (!(object instanceof Note)) return;
    notesReceived.push({
      id: object.id?.href,
      attributedTo: object.attributionId?.href,
      content: object.content?.toString(),
    });
  });

async function control(request, url) {
  const ctx = federation.createContext(new URL(origin), undefined);
  if (request.method === "POST" && url.pathname === "/control/follow") {
    const target = await ctx.lookupObject(url.searchParams.get("target"));
    if (!isActor(target)) return Response.json({ error: "not an actor" }, { status: 400 });
    const id = new URL(`/follows/${crypto.randomUUID()}`, origin);
    sentFollows.set(id.href, { target: target.id.href, accepted: false });
    await ctx.sendActivity({ identifier: ACTOR }, target, new Follow({
      id,
      actor: ctx.getActorUri(ACTOR),
      object: target.id,
    }));
    return Response.json({ id: id.href });
  }
  if (request.method === "POST" && url.pathname === "/control/post") {
    const noteId = crypto.randomUUID();
    const note = new Note({
      id: ctx.getObjectUri(Note, { id: noteId }),
      attribution: ctx.getActorUri(ACTOR),
      to: PUBLIC_COLLECTION,
      cc: ctx.getFollowersUri(ACTOR),
      content: `<p>${escapeHtml(url.searchParams.get("text") ?? "")}</p>`,
      published: Temporal.Now.instant(),
    });
    notesPosted.set(noteId, note);
    await ctx.sendActivity({ identifier: ACTOR }, "followers", new Create({
      id: new URL(`/activities/${crypto.randomUUID()}`, origin),
      actor: ctx.getActorUri(ACTOR),
      to: PUBLIC_COLLECTION,
      cc: ctx.getFollowersUri(ACTOR),
      object: note,
    }), { preferSharedInbox: true });
    return Response.json({ id: note.id.href });
  }
  if (request.method === "GET" && url.pathname === "/control/state") {
    return Response.json({
      actor: ctx.getActorUri(ACTOR).href,
      followers: [...followers.keys()],
      follows: [...sentFollows].map(([id, follow]) => ({ id, ...follow })),
      notes: notesReceived,
    });
  }
  return new Response("Not found", { status: 404 });
}

function escapeHtml(text) {
  return text.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);
}

/** Node's HTTP server in front of fetch-style handlers. */
createServer(async (req, res) => {
  try {
    const url = new URL(req.url, origin);
    const headers = new Headers();
    for (let i = 0; i < req.rawHeaders.length; i += 2) headers.append(req.rawHeaders[i], req.rawHeaders[i + 1]);
    const chunks = [];
    for await (const chunk of req) chunks.push(chunk);
    const hasBody = req.method !== "GET" && req.method !== "HEAD";
    const request = new Request(url, { method: req.method, headers, body: hasBody ? Buffer.concat(chunks) : undefined });
    const response = url.pathname.startsWith("/control/")
      ? await control(request, url)
      : await federation.fetch(request, { contextData: undefined });
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()));
  } catch (error) {
    console.error(error);
    res.writeHead(500, { "content-type": "text/plain" });
    res.end(String(error?.stack ?? error));
  }
}).listen(port, host, () => console.log(`Fedify peer listening on ${origin}`));
