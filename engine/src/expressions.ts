import { parse } from "@marcbachmann/cel-js";
import { createHash } from "node:crypto";
import { ExpressionError } from "./errors";

type Compiled = ReturnType<typeof parse>;
const cache = new Map<string, Compiled>();
const CACHE_LIMIT = 2000;

function compile(expression: string): Compiled {
  let compiled = cache.get(expression);
  if (!compiled) {
    try {
      compiled = parse(expression);
    } catch (error) {
      throw new ExpressionError(`invalid expression "${expression}": ${(error as Error).message}`);
    }
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(expression, compiled);
  }
  return compiled;
}

/** Throws ExpressionError when the expression does not parse (used at sync time). */
export function assertValidExpression(expression: string): void {
  compile(expression);
}

export function evaluate(expression: string, context: Record<string, unknown>): unknown {
  const compiled = compile(expression);
  try {
    return compiled(context);
  } catch (error) {
    throw new ExpressionError(`expression "${expression}" failed: ${(error as Error).message}`);
  }
}

/** Conditions follow Inngest: an evaluation error (missing key, type mismatch) is "no match". */
export function matches(expression: string | undefined, context: Record<string, unknown>): boolean {
  if (!expression) return true;
  try {
    return evaluate(expression, context) === true;
  } catch {
    return false;
  }
}

function toPlain(value: unknown): unknown {
  return typeof value === "bigint" ? Number(value) : value;
}

/** The value of a key expression, hashed so keys of any size index cheaply. */
export function evaluateKey(expression: string, context: Record<string, unknown>): string {
  const value = toPlain(evaluate(expression, context));
  const text =
    typeof value === "string" ? value : JSON.stringify(value, (_k, v: unknown) => toPlain(v));
  return createHash("sha256")
    .update(text ?? "null")
    .digest("hex")
    .slice(0, 32);
}

export function evaluateNumber(expression: string, context: Record<string, unknown>): number {
  const value = toPlain(evaluate(expression, context));
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw new ExpressionError(`expression "${expression}" did not return a number`);
  }
  return value;
}
