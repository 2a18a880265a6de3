/** The listener's side of the site, where the player follows them: browsing, search, account, downloads. */
const LISTENER_SECTIONS = ["/churches", "/search", "/bible", "/account", "/downloads"];

export function isListenerPath(pathname: string | null): boolean {
  if (pathname === null) return false;
  if (pathname === "/") return true;
  return LISTENER_SECTIONS.some(
    (section) => pathname === section || pathname.startsWith(`${section}/`),
  );
}
