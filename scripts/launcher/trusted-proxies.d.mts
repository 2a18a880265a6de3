import type { IncomingMessage } from "node:http";
import type { BlockList } from "node:net";

export function parseTrustedProxies(value?: string): BlockList;
export function normaliseForwardedHeaders(request: IncomingMessage, trusted: BlockList): void;
