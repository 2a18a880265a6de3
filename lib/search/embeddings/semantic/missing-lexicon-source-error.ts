import { AppError } from "@/lib/platform/errors/app-error";

/** WordNet or Nave's topics are not installed, so the semantic lexicon cannot be built. */
export class MissingLexiconSourceError extends AppError {
  override name = "MissingLexiconSourceError";
  constructor(what: string, cause: unknown) {
    super(
      "misconfigured",
      `EMBEDDING_PROVIDER=local-semantic needs ${what}: run scripts/ensure-deps.sh (Debian packages ` +
        `wordnet-base, sword-dict-naves and libsword-utils), or set EMBEDDING_PROVIDER=local. ` +
        `(${(cause as Error).message})`,
    );
  }
}
