"use client";
import { useEffect } from "react";

/** Marks the document once React has hydrated (browser tests wait for it before typing). */
export function HydrationMark() {
  useEffect(() => {
    document.documentElement.dataset.hydrated = "1";
  }, []);
  return null;
}
