// Counts a post as the server does: every link is 23 characters whatever its length, and the content warning
// counts too. Characters are code points, so an emoji counts once.

const URL_PATTERN = /https?:\/\/[^\s<>"]+[^\s<>".,;:!?)\]'’]/g;
export const CHARACTERS_PER_URL = 23;

function codePoints(text) {
  return [...text].length;
}

export function countedLength(text, spoiler = '') {
  let length = codePoints(text);
  for (const url of text.match(URL_PATTERN) ?? []) {
    length += CHARACTERS_PER_URL - codePoints(url);
  }
  return length + codePoints(spoiler);
}
