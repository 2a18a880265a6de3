"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

/** Re-renders the server page every `intervalMs` while `isActive`: a live view without an API. */
export function AutoRefresh({
  isActive,
  intervalMs = 2_000,
}: {
  isActive: boolean;
  intervalMs?: number;
}) {
  const router = useRouter();
  useEffect(() => {
    if (!isActive) return;
    const timer = setInterval(() => router.refresh(), intervalMs);
    return () => clearInterval(timer);
  }, [isActive, intervalMs, router]);
  return null;
}
