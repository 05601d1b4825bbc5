// "5m", "3h", "2d" beside each post, kept fresh once a minute; the exact time is in the tooltip.

const UNITS = [['y', 31536000], ['mo', 2592000], ['d', 86400], ['h', 3600], ['m', 60]];

export function relativeTime(iso) {
  const seconds = Math.max(0, (Date.now() - Date.parse(iso)) / 1000);
  for (const [unit, size] of UNITS) {
    if (seconds >= size) return `${Math.floor(seconds / size)}${unit}`;
  }
  return 'now';
}

export function timeElement(iso) {
  const element = document.createElement('time');
  element.dateTime = iso;
  element.title = new Date(iso).toLocaleString();
  element.textContent = relativeTime(iso);
  return element;
}

setInterval(() => {
  for (const element of document.querySelectorAll('time[datetime]')) {
    element.textContent = relativeTime(element.dateTime);
  }
}, 60000);
