"use client";

import type { BookmarkedSermon } from "@/lib/catalog/bookmarks/list-bookmarked-sermons";
import { AccountSermonList } from "./account-sermon-list";

/** The account page's bookmarks: the sermons with some (each page lists them), or clear all. */
export function AccountBookmarks({ items }: { items: BookmarkedSermon[] }) {
  return (
    <AccountSermonList
      label="Bookmarked sermons"
      items={items}
      empty="None yet. Press B while a sermon plays to bookmark the moment, with a note if you like."
      detail={(item) => (
        <p className="mt-0.5 truncate text-xs text-stone-500">
          {item.churchName} · {item.count} {item.count === 1 ? "bookmark" : "bookmarks"}
        </p>
      )}
      clear={{
        label: "Clear bookmarks",
        confirm: "Delete all your bookmarks and their notes?",
        url: "/api/me/bookmarks",
      }}
      failure="Your bookmarks could not be deleted; try again."
    />
  );
}
