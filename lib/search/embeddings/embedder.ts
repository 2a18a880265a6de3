import { AppError } from "@/lib/platform/errors/app-error";
/** Turns texts into vectors of one fixed size; one implementation per provider. */
export interface Embedder {
  /** Recorded on every chunk (Chunk.embeddingModel), so a model change is noticed. */
  readonly model: string;
  readonly dimensions: number;
  /** Most inputs one call may carry (the provider's per-request limit). */
  readonly maxBatchSize: number;
  embed(texts: readonly string[]): Promise<number[][]>;
  /** Loads (or builds) what the embedder needs before its first text, where it has such a thing. */
  prepare?(): Promise<void>;
}

/** The provider answered with vectors of another size than the database column holds: a setting to fix. */
export class EmbeddingDimensionsError extends AppError {
  override name = "EmbeddingDimensionsError";
  constructor(model: string, expected: number, got: number) {
    super(
      "misconfigured",
      `Embedding model ${model} returned ${got} dimensions but EMBEDDING_DIMENSIONS is ${expected}: ` +
        `set EMBEDDING_DIMENSIONS=${got} (the column is resized at start-up) or pick a model of that size.`,
    );
  }
}
