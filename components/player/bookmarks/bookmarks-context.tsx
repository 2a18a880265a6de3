"use client";

import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
} from "react";
import { bookmarksFileName } from "@/lib/catalog/bookmarks/bookmarks-file-name";
import { bookmarksMarkdown } from "@/lib/catalog/bookmarks/bookmarks-markdown";
import type { SavedBookmark } from "@/lib/catalog/bookmarks/saved-bookmark";
import { formatDuration } from "@/lib/platform/text/format";
import { addLocalBookmark, readLocalBookmarks, removeLocalBookmark } from "./local-bookmarks";

/** Where the bookmarks are kept: the account when signed in, otherwise this browser. */
type Store = "loading" | "account" | "browser";

export interface Bookmarks {
  store: Store;
  items: SavedBookmark[];
  /** What the last add or delete did ("Bookmarked 1:23"), or why it failed. */
  message: { text: string; isError: boolean } | null;
  add: (positionMs: number, note: string) => Promise<boolean>;
  remove: (bookmark: SavedBookmark) => Promise<void>;
  /** The signed-in export's address (a download from the server); null for this browser's. */
  exportHref: string | null;
  /** Downloads this browser's bookmarks as Markdown, built here. */
  exportHere: () => void;
}

const BookmarksContext = createContext<Bookmarks | null>(null);

const listUrl = (sermonId: string) => `/api/me/bookmarks?sermonId=${encodeURIComponent(sermonId)}`;

async function errorMessage(response: Response | null): Promise<string> {
  const body = (await response?.json().catch(() => null)) as {
    error?: { message?: string };
  } | null;
  return body?.error?.message ?? "That did not work; try again.";
}

/**
 * The listener's bookmarks in the sermon page's sermon, shared by the player (B, the button)
 * and the page's Bookmarks section: kept in the account (/api/me/bookmarks) when signed in,
 * otherwise in this browser (local-bookmarks.ts), the same way saved places are.
 */
export function BookmarksProvider({
  sermon,
  children,
}: {
  sermon: { id: string; title: string; href: string; durationMs: number | null };
  children: ReactNode;
}) {
  const [store, setStore] = useState<Store>("loading");
  const [items, setItems] = useState<SavedBookmark[]>([]);
  const [message, setMessage] = useState<Bookmarks["message"]>(null);

  useEffect(() => {
    const controller = new AbortController();
    fetch(listUrl(sermon.id), { signal: controller.signal, cache: "no-store" })
      .then(async (response) => {
        if (response.status === 401) {
          setStore("browser");
          setItems(readLocalBookmarks(sermon.id));
          return;
        }
        setStore("account");
        if (response.ok) setItems(((await response.json()) as { items: SavedBookmark[] }).items);
      })
      .catch(() => {
        if (controller.signal.aborted) return;
        setStore("browser");
        setItems(readLocalBookmarks(sermon.id));
      });
    return () => controller.abort();
  }, [sermon.id]);

  const add = useCallback(
    async (positionMs: number, note: string) => {
      const at = formatDuration(positionMs);
      if (store === "browser" || store === "loading") {
        const result = addLocalBookmark(sermon.id, {
          positionMs,
          note,
          durationMs: sermon.durationMs,
        });
        if ("error" in result) {
          setMessage({ text: result.error, isError: true });
          return false;
        }
        setItems(result.items);
        setMessage({ text: `Bookmarked ${at} in this browser`, isError: false });
        return true;
      }
      const response = await fetch(listUrl(sermon.id), {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ positionMs: Math.max(0, Math.round(positionMs)), note }),
      }).catch(() => null);
      if (!response?.ok) {
        setMessage({ text: await errorMessage(response), isError: true });
        return false;
      }
      const saved = (await response.json()) as SavedBookmark;
      setItems((current) =>
        [...current, saved].sort(
          (a, b) => a.positionMs - b.positionMs || a.createdAt.localeCompare(b.createdAt),
        ),
      );
      setMessage({ text: `Bookmarked ${formatDuration(saved.positionMs)}`, isError: false });
      return true;
    },
    [store, sermon.id, sermon.durationMs],
  );

  const remove = useCallback(
    async (bookmark: SavedBookmark) => {
      const at = formatDuration(bookmark.positionMs);
      if (store !== "account") {
        setItems(removeLocalBookmark(sermon.id, bookmark.id));
        setMessage({ text: `Deleted the bookmark at ${at}`, isError: false });
        return;
      }
      const response = await fetch(`/api/me/bookmarks/${encodeURIComponent(bookmark.id)}`, {
        method: "DELETE",
      }).catch(() => null);
      if (!response?.ok && response?.status !== 404) {
        setMessage({ text: await errorMessage(response), isError: true });
        return;
      }
      setItems((current) => current.filter((item) => item.id !== bookmark.id));
      setMessage({ text: `Deleted the bookmark at ${at}`, isError: false });
    },
    [store, sermon.id],
  );

  const exportHere = useCallback(() => {
    const markdown = bookmarksMarkdown({
      title: sermon.title,
      pageUrl: new URL(sermon.href, window.location.origin).toString(),
      bookmarks: readLocalBookmarks(sermon.id),
    });
    const url = URL.createObjectURL(new Blob([markdown], { type: "text/markdown" }));
    const link = document.createElement("a");
    link.href = url;
    link.download = bookmarksFileName(sermon.href);
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }, [sermon.id, sermon.title, sermon.href]);

  const value = useMemo(
    () => ({
      store,
      items,
      message,
      add,
      remove,
      exportHref:
        store === "account"
          ? `/api/me/bookmarks/export?sermonId=${encodeURIComponent(sermon.id)}`
          : null,
      exportHere,
    }),
    [store, items, message, add, remove, exportHere, sermon.id],
  );
  return <BookmarksContext.Provider value={value}>{children}</BookmarksContext.Provider>;
}

/** The page's bookmarks; null outside a BookmarksProvider (then the player offers none). */
export function useBookmarks(): Bookmarks | null {
  return useContext(BookmarksContext);
}
