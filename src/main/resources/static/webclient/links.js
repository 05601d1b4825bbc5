// In-app addresses for the things a post or profile links to.

export function profilePath(account) {
  return `/web/@${account.acct}`;
}

export function statusPath(status) {
  return `/web/statuses/${status.id}`;
}

export function tagPath(name) {
  return `/web/tags/${encodeURIComponent(name)}`;
}

// Mentions and hashtags inside status HTML point at their servers' pages; inside the app they open its own views.
export function linkMentionsInApp(fragment, mentions = []) {
  const byUrl = new Map(mentions.map((mention) => [mention.url, mention]));
  for (const link of fragment.querySelectorAll('a[href]')) {
    const mention = byUrl.get(link.getAttribute('href'));
    const isTag = link.classList.contains('hashtag') || link.rel.includes('tag');
    if (mention) {
      link.href = profilePath(mention);
    } else if (isTag) {
      link.href = tagPath(link.textContent.replace(/^#/, '').toLowerCase());
    } else {
      continue;
    }
    link.removeAttribute('target');
    link.removeAttribute('rel');
  }
  return fragment;
}
