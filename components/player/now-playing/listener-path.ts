/** The listener's side of the site, where the player follows them: browsing, search, account. */
const LISTENER_SECTIONS = ["/churches", "/search", "/bible", "/account"];

export function isListenerPath(pathname: string | null): boolean {
  if (pathname === null) return false;
  if (pathname === "/") return true;
  return LISTENER_SECTIONS.some(
    (section) => pathname === section || pathname.startsWith(`${section}/`),
  );
}
