"use client";

import { type RefObject, useEffect, useRef } from "react";

/**
 * A ref that always holds the latest `value`, for listeners registered once (keyboard, media
 * session, hls.js) that must call this render's callbacks without being registered again.
 */
export function useLatest<T>(value: T): RefObject<T> {
  const ref = useRef(value);
  useEffect(() => {
    ref.current = value;
  });
  return ref;
}
